package dev.custody.domains;

/**
 * A {@link Guard} of the callee domain refused the call. No domain code ran and the domain is
 * unaffected.
 *
 * <p>A proxy method that declares {@code CallRefusedException} as its only (or first convertible)
 * failure type also delivers the call's other failures as a {@code CallRefusedException} whose
 * {@linkplain #getCause() cause} is the original {@link CrossDomainException}; see {@link
 * DomainInterface}. A refusal proper has no cause.
 */
public class CallRefusedException extends CrossDomainException {
  private static final long serialVersionUID = 1L;

  private final transient Domain caller;

  CallRefusedException(String message, Domain domain, DomainMethod method, Domain caller) {
    super(message, domain, method, null);
    this.caller = caller;
  }

  /** Another failure of a call delivered as a refusal (see the class comment). */
  CallRefusedException(
      String message, Domain domain, DomainMethod method, Domain caller, CrossDomainException cause) {
    super(message, domain, method, cause);
    this.caller = caller;
  }

  /** The calling domain that was refused. */
  public Domain caller() {
    return caller;
  }
}
