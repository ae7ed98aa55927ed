package dev.custody.domains.confine;

/**
 * A confined domain's code was accepted by the validator but the domain could not be started: the
 * entry class is missing, does not implement the interface, has no usable constructor or factory,
 * or its construction threw. The message names the domain and the class.
 */
public final class ConfinedDomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfinedDomainException(String message) {
    super(message);
  }

  public ConfinedDomainException(String message, Throwable cause) {
    super(message, cause);
  }
}
