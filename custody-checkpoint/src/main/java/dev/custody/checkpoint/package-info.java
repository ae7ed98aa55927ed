/**
 * Automatic checkpointing (paper §5): checkpoint and restore code generated at compile time for
 * {@link dev.custody.checkpoint.Checkpointable} types, alias-aware through {@link
 * dev.custody.Shared}.
 *
 * <h2>Using it</h2>
 *
 * <pre>{@code
 * @Checkpointable final class Firewall { List<Shared<Rule>> rules = new ArrayList<>(); Trie bySrc; ... }
 *
 * Checkpoint<Firewall> cp = Checkpoints.take(fw);      // or Firewall_Checkpoint.INSTANCE explicitly
 * Firewall copy = cp.restore();                        // a fresh graph, sharing preserved
 * cp.restoreInto(fw);                                  // in place: references to fw stay valid
 * Rollback.run(fw, f -> f.update(batch));              // restored in place if the update throws
 * }</pre>
 *
 * <h2>Generated code</h2>
 *
 * For {@code Foo} the processor writes {@code Foo_Checkpoint} in Foo's package: {@code copyOf}
 * (a deep copy), {@code fill} (classes: copy every field into an existing object, used for
 * in-place restore) and the {@link dev.custody.checkpoint.CheckpointCodec} methods. The code is
 * straight-line, per field, with loops for arrays and containers and no reflection; which fields
 * it may contain, and what is a compile error, is listed on {@link
 * dev.custody.checkpoint.Checkpointable}.
 *
 * <h2>Sharing without an identity map</h2>
 *
 * Only {@code Shared} may alias, so only {@code Shared} needs a visited check: each {@code
 * Shared} carries a mark, set by CAS to the copy made by the checkpoint visiting it, recognised
 * by that checkpoint's id, and cleared when the checkpoint completes (see {@link
 * dev.custody.checkpoint.CopyContext}). A rule reached from the rule list and two tries is copied
 * once and restored as one object. Cycles must go through a {@code Shared}; the copy of a {@code
 * Shared} is registered before its target is copied, so any cycle through one is rebuilt.
 *
 * <h2>Concurrency</h2>
 *
 * <ul>
 *   <li>Several checkpoints (or restores) of the same graph may run at once on different threads:
 *       a traversal that finds another's mark on a {@code Shared} keeps that object's copy in a
 *       private side table instead, so each copies each {@code Shared} exactly once.
 *   <li>A checkpoint keeps nothing of the live graph reachable, and, once complete, the live
 *       graph keeps nothing of the checkpoint reachable (marks are cleared).
 *   <li>A checkpoint taken while other threads write the graph is not a consistent snapshot:
 *       each field is read once, so each copied object reflects some state of that object during
 *       the checkpoint, sharing is always preserved, and a standard collection modified during
 *       its copy may fail the checkpoint with {@code ConcurrentModificationException}. For a
 *       consistent checkpoint, exclude writers (see {@link dev.custody.checkpoint.Checkpoints}).
 * </ul>
 *
 * <h2>In-place restore</h2>
 *
 * {@link dev.custody.checkpoint.Checkpoint#restoreInto} keeps the root object; its non-final
 * fields receive fresh copies, its final collections and maps are cleared and refilled, and its
 * final checkpointable objects are restored in place recursively, so references to the root and
 * to those final parts stay valid. Records cannot be restored in place (they are immutable).
 *
 * <h2>Built on it</h2>
 *
 * {@link dev.custody.checkpoint.Rollback} (undo a failed update), {@link
 * dev.custody.checkpoint.CheckpointedState} (a domain that recovers from its last checkpoint)
 * and the firewall rule database ({@code dev.custody.netfn.firewall.RuleDatabase}).
 *
 * <p>Not provided: incremental checkpoints (generated dirty tracking). Fields are plain fields
 * written directly by application code, so the generated code cannot observe writes without
 * changing how user code is written; a checkpoint always copies the whole graph.
 */
package dev.custody.checkpoint;
