package dev.custody.domains;

/**
 * The checked failure of a call across a domain boundary: the Java counterpart of the {@code Err}
 * arm of the {@code Result} that a Rust remote invocation returns. Every method of a {@link
 * DomainInterface} declares it (or a subclass), so callers must handle the possibility that the
 * callee was revoked, refused the call, or failed.
 *
 * <p>Subclasses: {@link DomainFailedException} (the callee failed, is recovering or is dead),
 * {@link RevokedException} (the reference was revoked), {@link CallRefusedException} (a guard
 * refused). Instances are immutable apart from the usual {@link Throwable} state.
 */
public class CrossDomainException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Domain domain;
  private final transient DomainMethod method;

  public CrossDomainException(String message, Domain domain, DomainMethod method, Throwable cause) {
    super(message, cause);
    this.domain = domain;
    this.method = method;
  }

  /** The callee domain, or null if unknown. */
  public Domain domain() {
    return domain;
  }

  /** The method that was called, or null if the failure came from {@link Domain#execute}. */
  public DomainMethod method() {
    return method;
  }
}
