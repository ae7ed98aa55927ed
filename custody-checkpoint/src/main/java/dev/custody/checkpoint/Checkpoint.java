package dev.custody.checkpoint;

import java.util.Objects;

/**
 * A checkpoint: a private deep copy of an object graph, taken by {@link Checkpoints#take}. It
 * holds nothing of the live graph, so the live graph may change or be collected freely.
 *
 * <p>Restore either as a fresh graph ({@link #restore()}) or in place into a live root ({@link
 * #restoreInto}), which keeps the root object, so that every reference to it stays valid: a
 * rollback. A checkpoint can be restored any number of times; each restore makes new copies, so
 * the checkpoint itself never becomes part of a live graph. That rule is what lets incremental
 * checkpoints ({@link #next}, {@link Checkpoints#takeIncremental}) share unchanged objects with
 * earlier snapshots: no snapshot object is ever modified after its checkpoint returns. Sharing through {@code Shared} is
 * preserved both ways: an object shared by three places is restored as one object shared by
 * three places.
 *
 * <p><b>Thread safety.</b> Immutable once taken; restores from several threads at once are safe
 * (they follow the concurrent-traversal rule of {@link CopyContext}).
 *
 * @param <T> the root type
 */
public final class Checkpoint<T> {
  private final T snapshot;
  private final CheckpointCodec<T> codec;
  private final long copied;
  private final long reused;

  Checkpoint(T snapshot, CheckpointCodec<T> codec, CopyContext ctx) {
    this.snapshot = snapshot;
    this.codec = codec;
    this.copied = ctx.copiedObjects();
    this.reused = ctx.reusedObjects();
  }

  /**
   * An incremental checkpoint of {@code root} against this one: {@code
   * Checkpoints.takeIncremental(root, this, codec())}.
   */
  public Checkpoint<T> next(T root) {
    return Checkpoints.takeIncremental(root, this, codec);
  }

  /**
   * Objects this checkpoint allocated when it was taken: checkpointable objects, arrays,
   * containers and {@code Shared} copies (all of them for a full checkpoint).
   */
  public long copiedObjects() {
    return copied;
  }

  /**
   * Objects of the previous snapshot that this (incremental) checkpoint reuses by reference
   * instead of copying; 0 for a full checkpoint.
   */
  public long reusedObjects() {
    return reused;
  }

  /** {@code reusedObjects / (reusedObjects + copiedObjects)}, or 0 for an empty count. */
  public double reusedFraction() {
    long all = copied + reused;
    return all == 0 ? 0 : (double) reused / all;
  }

  /** The codec of the root type. */
  public CheckpointCodec<T> codec() {
    return codec;
  }

  /** A fresh object graph equal to the checkpointed one, with the same sharing. */
  public T restore() {
    try (CopyContext ctx = CopyContext.open()) {
      return codec.copy(snapshot, ctx);
    }
  }

  /**
   * Restores the checkpointed state into {@code live}, keeping {@code live} itself (see {@link
   * CheckpointCodec#restoreInto}). Objects reached from {@code live} through non-final fields are
   * replaced by fresh copies.
   *
   * @throws UnsupportedOperationException if the root type is a record
   * @throws IllegalStateException if a final field's value cannot take the checkpointed state
   *     (for example a final field that is null in one graph and not in the other)
   */
  public void restoreInto(T live) {
    Objects.requireNonNull(live, "live root");
    if (!codec.restorableInPlace()) {
      throw new UnsupportedOperationException(
          codec.type().getName() + " is a record and cannot be restored in place; use restore()");
    }
    try (CopyContext ctx = CopyContext.open()) {
      codec.restoreInto(live, snapshot, ctx);
    }
  }

  /**
   * The checkpointed graph itself, for inspection. Do not modify it or link it into a live graph:
   * later restores copy from it.
   */
  public T peek() {
    return snapshot;
  }
}
