package dev.custody;

/**
 * Thrown on any access to an {@link Owned} handle whose value has been moved out of it (by
 * {@link Owned#move()}, {@link Owned#take()} or a transfer across a domain boundary). This is the
 * run-time backstop of the compile-time ownership check.
 */
public final class MovedValueException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public MovedValueException(String message) {
    super(message);
  }
}
