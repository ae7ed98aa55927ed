package dev.custody.domains;

/**
 * The callee domain failed during this call (its {@linkplain #getCause() cause} is the {@link
 * Throwable} that escaped domain code, a guard, or a {@link DeadlineExceededException}), or the
 * call failed fast because the domain is failed, recovering or dead.
 *
 * <p>When this exception reports a failure of the call itself, the domain has already been
 * cleaned up and its recovery function has run by the time the caller sees it: {@link
 * #recovered()} tells whether the domain is running again, and {@link #isDead()} whether it is
 * dead for good.
 *
 * <p>Cost: when the cause was thrown by the call on the calling thread (a panic in the callee),
 * this exception records no stack trace of its own, since the cause's trace already runs from the
 * throw through the domain entry into the caller's frames; and its message is built on the first
 * {@link #getMessage()}. This keeps recovery cheap for callers that only count failures.
 *
 * <p>A proxy method that declares {@code DomainFailedException} as its first convertible failure
 * type (e.g. only it) but not {@link RevokedException} (or {@link CallRefusedException}) receives
 * a revocation (or refusal) as a {@linkplain
 * #isFailFast() fail-fast} {@code DomainFailedException} whose cause is the {@code
 * RevokedException} (or {@code CallRefusedException}); see {@link DomainInterface}.
 */
public class DomainFailedException extends CrossDomainException {
  private static final long serialVersionUID = 1L;

  private final boolean failFast;
  private final boolean dead;
  private final boolean recovered;

  DomainFailedException(
      String message,
      Domain domain,
      DomainMethod method,
      Throwable cause,
      boolean failFast,
      boolean dead,
      boolean recovered) {
    super(message, domain, method, cause);
    this.failFast = failFast;
    this.dead = dead;
    this.recovered = recovered;
  }

  /**
   * The failure path's constructor: the message is built on the first {@link #getMessage()},
   * and no stack trace is recorded when {@code writableStackTrace} is false (see {@link
   * CrossDomainException}).
   */
  DomainFailedException(
      java.util.function.Supplier<String> message,
      Domain domain,
      DomainMethod method,
      Throwable cause,
      boolean writableStackTrace,
      boolean dead,
      boolean recovered) {
    super(message, domain, method, cause, writableStackTrace);
    this.failFast = false;
    this.dead = dead;
    this.recovered = recovered;
  }

  /**
   * True when the call never entered the domain: because it was failed, recovering or dead, or,
   * for a proxy method that converts into {@code DomainFailedException} and does not declare {@link
   * RevokedException} or {@link CallRefusedException}, because the reference was revoked or a
   * guard refused (the {@linkplain #getCause() cause} is then that exception; see {@link
   * DomainInterface}).
   */
  public boolean isFailFast() {
    return failFast;
  }

  /** True when the domain was dead when this exception was thrown. */
  public boolean isDead() {
    return dead;
  }

  /** True when this call's failure was followed by a successful recovery of the domain. */
  public boolean recovered() {
    return recovered;
  }
}
