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
 * Checkpoint<Firewall> cp2 = cp.next(fw);              // incremental: unchanged parts shared with cp
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
 * <h2>Incremental checkpoints</h2>
 *
 * {@link dev.custody.checkpoint.Checkpoints#takeIncremental Checkpoints.takeIncremental(root,
 * previous)} (or {@code previous.next(root)}) takes an ordinary {@link
 * dev.custody.checkpoint.Checkpoint} whose snapshot reuses, by reference, every object of an
 * earlier snapshot whose live counterpart is unchanged: after 1% of the firewall's 100,000 rules
 * change, 97% of the new snapshot's objects are the earlier snapshot's own.
 *
 * <ul>
 *   <li><b>What is compared.</b> The generated {@code copyIncrementalOf(live, previousCopy,
 *       ctx)} walks the live object and its previous copy in parallel: the same fields; arrays by
 *       index (same length); lists and sets element by element in iteration order (for lists,
 *       from the end after the first difference, so one insertion or removal shifts nothing);
 *       maps by key; a {@code Shared} once per checkpoint, by its mark, so a rule reached three
 *       ways is compared once. Children first: an object's previous copy is returned when its
 *       scalar, string and enum fields are equal (floating point bit for bit) and each child's
 *       result is the previous copy's child itself ({@code ==}); otherwise a new copy is made,
 *       still pointing at its reused children. A changed leaf therefore copies only the path
 *       from the root to it. A container is reused only if it is of the family a copy would get
 *       now. A previous {@code Shared} copy is reused for at most one live {@code Shared} (the
 *       traversal keeps a private identity set of those it reused), so two live objects are
 *       never merged. Taking an incremental checkpoint only reads the previous snapshot.
 *   <li><b>Cost.</b> Reads are O(live graph), as for a full checkpoint; allocation is only for
 *       changed objects and their ancestors (plus, per reused {@code Shared}, a discarded copy and a
 *       forwarding record). {@link dev.custody.checkpoint.Checkpoint#copiedObjects()} and {@link
 *       dev.custody.checkpoint.Checkpoint#reusedObjects()} report the split. What it saves is
 *       allocation and retained memory, not traversal time: it reads two graphs where a full
 *       checkpoint reads one, and records each reused {@code Shared} in an identity set. On the
 *       100,000-rule firewall with 1% of the rules replaced it allocated 32,713 objects where a
 *       full checkpoint allocates 1,046,243 (97% reused), but took 164 ms against 88 ms ({@code
 *       custody bench checkpoint --quick}). Keeping many checkpoints
 *       costs roughly the changed part of each instead of a whole copy.
 *   <li><b>Why comparison, not dirty flags.</b> Fields are plain fields written by application
 *       code; observing writes would need bytecode rewriting or generated accessors that change
 *       how user code is written. Comparing against the previous snapshot needs neither, cannot
 *       miss a write, and makes correctness depend only on the equality checks: any earlier
 *       snapshot of the same type is a valid {@code previous} (it is only a source of reusable
 *       copies), and the result equals a full checkpoint taken at the same moment.
 *   <li><b>Why sharing between snapshots is safe.</b> No snapshot object is modified after its
 *       checkpoint returns: restores ({@code restore}, {@code restoreInto}, {@link
 *       dev.custody.checkpoint.Rollback}) copy out of the snapshot and never link a snapshot
 *       object into a live graph; the only writes are the transient marks on snapshot {@code
 *       Shared}s, which follow the concurrent-traversal rule above. {@code peek()} hands out the
 *       snapshot for inspection only.
 *   <li><b>Limits.</b> Objects on a cycle through a {@code Shared} are always copied (the cycle
 *       reaches the copy in progress, which is never the previous one); maps whose keys are
 *       checkpointable objects, and arrays whose length changed, are copied afresh; sets are paired in
 *       iteration order, so a set whose order changed gets new copies of its elements;
 *       scattered insertions into a long list pair the rest of that list with the wrong previous
 *       elements, which are then copied.
 * </ul>
 */
package dev.custody.checkpoint;
