package dev.custody.checkpoint;

/**
 * Checkpoint and restore code for one {@link Checkpointable} type; generated as {@code
 * Foo_Checkpoint} (with a public {@code INSTANCE}) by the checkpoint processor. Application code
 * normally goes through {@link Checkpoints}, {@link Checkpoint} and {@link Rollback}.
 *
 * <p><b>Thread safety.</b> Codecs are stateless; each operation's state lives in its {@link
 * CopyContext}, which belongs to one thread.
 *
 * @param <T> the checkpointable type
 */
public interface CheckpointCodec<T> {
  /** The type this codec copies. */
  Class<T> type();

  /** A deep copy of {@code src} (null gives null) within {@code ctx}; sharing follows {@code ctx}. */
  T copy(T src, CopyContext ctx);

  /**
   * Incremental copy: a deep copy of {@code src} that reuses, by reference, every object of
   * {@code previous} (a snapshot of the same type, or null) whose live counterpart is unchanged.
   * Returns {@code previous} itself when the whole graph under {@code src} is equal to it. See
   * {@link Checkpoints#takeIncremental}. Generated codecs override this; the default makes a
   * full copy, which is always a valid (if unshared) result.
   */
  default T copyIncremental(T src, T previous, CopyContext ctx) {
    return copy(src, ctx);
  }

  /** True if {@link #restoreInto} is supported: the type is a class, not a record. */
  boolean restorableInPlace();

  /**
   * Makes {@code live} equal to a fresh copy of {@code snapshot} without replacing {@code live}:
   * its non-final fields get fresh copies, its final collections are refilled and its final
   * checkpointable fields are restored in place, recursively.
   *
   * @throws UnsupportedOperationException if the type is a record (records are immutable)
   */
  void restoreInto(T live, T snapshot, CopyContext ctx);
}
