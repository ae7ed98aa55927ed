package dev.custody.domains.confine;

/**
 * A capability refused or failed an operation: a path outside the granted directory, a missing
 * capability, an I/O error. The message names the capability and the operation. Unchecked, so
 * domain code can let it escape to the domain entry, where it counts as a domain failure.
 */
public final class CapabilityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CapabilityException(String message) {
    super(message);
  }

  public CapabilityException(String message, Throwable cause) {
    super(message, cause);
  }
}
