package dev.custody.domains;

/**
 * The remote reference was revoked (by {@link RRef#revoke()}, {@link Domain#revokeAll()}, or
 * because recovery did not re-populate its slot). Thrown at once, before any domain code runs.
 */
public class RevokedException extends CrossDomainException {
  private static final long serialVersionUID = 1L;

  RevokedException(String message, Domain domain, DomainMethod method) {
    super(message, domain, method, null);
  }
}
