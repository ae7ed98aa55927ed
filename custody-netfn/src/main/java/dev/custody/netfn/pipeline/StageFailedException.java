package dev.custody.netfn.pipeline;

/**
 * A stage failed while it owned a batch: the batch is lost (its buffers have been returned to the
 * pool) and the cause is attached. Thrown by {@link StageCall#call}. It records no stack trace of
 * its own (the cause has the one that matters), which keeps the failure path short.
 */
public final class StageFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String stage;

  public StageFailedException(String stage, Throwable cause) {
    // The message is built on demand: a pipeline that counts failures never pays for it.
    super(null, cause, true, false);
    this.stage = stage;
  }

  /** The failed stage's name. */
  public String stage() {
    return stage;
  }

  @Override
  public String getMessage() {
    return "stage '" + stage + "' failed: " + getCause();
  }
}
