package dev.custody.domains;

/**
 * The per-thread current-domain slot (the paper's thread-local domain id). One mutable holder per
 * thread, looked up once per call and then written in place on entry and exit, so a call does not
 * allocate or call {@code ThreadLocal.set}. Works on platform and virtual threads alike.
 *
 * <p>It holds the domain's int id, not a reference: a reference store into a long-lived object
 * costs a G1 post-write barrier with a StoreLoad fence when the card is not young, which more than
 * doubled the cost of a cross-domain call in measurements; an int store has no barrier.
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

  int domainId;

  private CallContext() {}

  static CallContext get() {
    return CURRENT.get();
  }
}
