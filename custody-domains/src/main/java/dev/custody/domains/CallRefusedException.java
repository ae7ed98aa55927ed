package dev.custody.domains;

/**
 * A {@link Guard} of the callee domain refused the call. No domain code ran and the domain is
 * unaffected.
 */
public class CallRefusedException extends CrossDomainException {
  private static final long serialVersionUID = 1L;

  private final transient Domain caller;

  CallRefusedException(String message, Domain domain, DomainMethod method, Domain caller) {
    super(message, domain, method, null);
    this.caller = caller;
  }

  /** The calling domain that was refused. */
  public Domain caller() {
    return caller;
  }
}
