package dev.custody.domains;

/**
 * The remote reference was revoked (by {@link RRef#revoke()}, {@link Domain#revokeAll()}, or
 * because recovery did not re-populate its slot). Thrown at once, before any domain code runs.
 *
 * <p>A proxy method that declares {@code RevokedException} as its only (or first convertible)
 * failure type also delivers the call's other failures as a {@code RevokedException} whose
 * {@linkplain #getCause() cause} is the original {@link CrossDomainException}; see {@link
 * DomainInterface}. A revocation proper has no cause.
 */
public class RevokedException extends CrossDomainException {
  private static final long serialVersionUID = 1L;

  RevokedException(String message, Domain domain, DomainMethod method) {
    super(message, domain, method, null);
  }

  /** Another failure of a call delivered as a revocation (see the class comment). */
  RevokedException(String message, Domain domain, DomainMethod method, CrossDomainException cause) {
    super(message, domain, method, cause);
  }
}
