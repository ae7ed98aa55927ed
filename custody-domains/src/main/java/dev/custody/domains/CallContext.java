package dev.custody.domains;

/**
 * The per-thread current-domain slot (the paper's thread-local domain id). One mutable holder per
 * thread, looked up once per call and then written in place on entry and exit, so a call does not
 * allocate or call {@code ThreadLocal.set}. Works on platform and virtual threads alike.
 *
 * <p>Only {@link ProxySupport} and {@link Domain} write it; user code reads it through {@link
 * Domain#current()}. Not thread-safe by design: each instance is confined to its thread.
 */
public final class CallContext {
  private static final ThreadLocal<CallContext> CURRENT =
      new ThreadLocal<>() {
        @Override
        protected CallContext initialValue() {
          return new CallContext();
        }
      };

  Domain domain = Domain.host();

  private CallContext() {}

  static CallContext get() {
    return CURRENT.get();
  }
}
