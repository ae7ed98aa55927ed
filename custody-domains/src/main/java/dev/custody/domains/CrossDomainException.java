package dev.custody.domains;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.function.Supplier;

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
  /** Builds the message on the first {@link #getMessage()}; null when it was given eagerly. */
  private transient Supplier<String> lazyMessage;
  /** The lazily built message, once built (racy but idempotent: strings publish safely). */
  private String builtMessage;

  public CrossDomainException(String message, Domain domain, DomainMethod method, Throwable cause) {
    super(message, cause);
    this.domain = domain;
    this.method = method;
  }

  /**
   * For the failure path, which must stay cheap: the message is built only if someone asks for
   * it, and with {@code writableStackTrace} false no stack trace is recorded (used when the cause
   * was thrown on this thread below the domain entry, so its own trace already runs through the
   * caller's frames).
   */
  CrossDomainException(
      Supplier<String> message,
      Domain domain,
      DomainMethod method,
      Throwable cause,
      boolean writableStackTrace) {
    super(null, cause, true, writableStackTrace);
    this.domain = domain;
    this.method = method;
    this.lazyMessage = message;
  }

  @Override
  public String getMessage() {
    String m = builtMessage;
    if (m != null) {
      return m;
    }
    Supplier<String> s = lazyMessage;
    if (s == null) {
      return super.getMessage();
    }
    m = s.get();
    builtMessage = m;
    return m;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    getMessage(); // the supplier is transient: serialise the built message instead
    out.defaultWriteObject();
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
