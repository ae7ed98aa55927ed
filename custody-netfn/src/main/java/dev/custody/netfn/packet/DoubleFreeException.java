package dev.custody.netfn.packet;

/** A packet buffer was returned to its pool while already free: an ownership bug in the caller. */
public final class DoubleFreeException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public DoubleFreeException(String message) {
    super(message);
  }
}
