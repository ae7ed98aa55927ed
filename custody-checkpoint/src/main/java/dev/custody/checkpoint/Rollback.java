package dev.custody.checkpoint;

import java.util.Objects;

/**
 * Runs an update on a checkpointable object and undoes it if it fails: a checkpoint is taken
 * first, and if the update throws anything, the checkpoint is restored in place into the root
 * (so references to the root stay valid) and the update's exception is rethrown unchanged.
 *
 * <p>If the restore itself fails, its exception is added to the update's as suppressed. The
 * root's type must be a class (records are immutable and need no rollback).
 *
 * <p><b>Thread safety.</b> The caller must keep other threads from writing the root during the
 * update, as for any checkpoint that should be consistent (see {@link Checkpoints}).
 */
public final class Rollback {
  private Rollback() {}

  /** An update that may throw. */
  @FunctionalInterface
  public interface Update<T, X extends Throwable> {
    void apply(T root) throws X;
  }

  /** Runs {@code update} on {@code root}; on failure restores {@code root} and rethrows. */
  @SuppressWarnings("unchecked")
  public static <T, X extends Throwable> void run(T root, Update<? super T, X> update) throws X {
    Objects.requireNonNull(root, "root");
    run(root, Checkpoints.codec((Class<T>) root.getClass()), update);
  }

  /** As {@link #run(Object, Update)}, with an explicit codec. */
  public static <T, X extends Throwable> void run(
      T root, CheckpointCodec<T> codec, Update<? super T, X> update) throws X {
    Objects.requireNonNull(update, "update");
    if (!codec.restorableInPlace()) {
      throw new UnsupportedOperationException(
          codec.type().getName() + " is a record; Rollback needs a class root");
    }
    Checkpoint<T> before = Checkpoints.take(root, codec);
    try {
      update.apply(root);
    } catch (Throwable t) {
      try {
        before.restoreInto(root);
      } catch (Throwable restoreFailure) {
        t.addSuppressed(restoreFailure);
      }
      throw t;
    }
  }
}
