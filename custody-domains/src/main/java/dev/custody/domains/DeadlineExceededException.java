package dev.custody.domains;

/**
 * The cause of a {@link DomainFailedException} when a call ran past its deadline. The domain was
 * marked failed and the calling thread interrupted when the deadline passed; see {@link Domain}
 * for why that is all Java can do.
 */
public final class DeadlineExceededException extends Exception {
  private static final long serialVersionUID = 1L;

  DeadlineExceededException(String message) {
    super(message);
  }
}
