package dev.custody.netfn.packet;

/** The pool had no free buffer when one was asked for. */
public final class PoolExhaustedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public PoolExhaustedException(String message) {
    super(message);
  }
}
