package dev.custody.netfn.pipeline;

/**
 * A stage failed while it owned a batch: the batch is lost (its buffers have been returned to the
 * pool) and the cause is attached. Thrown by {@link StageCall#call}. It records no stack trace of
 * its own (the cause has the one that matters), which keeps the failure path short.
 */
public final class StageFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  public StageFailedException(String stage, Throwable cause) {
    super("stage '" + stage + "' failed: " + cause, cause, true, false);
  }
}
