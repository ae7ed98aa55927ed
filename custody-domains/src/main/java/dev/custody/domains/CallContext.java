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
 * <p>The {@code ThreadLocal} lookup itself is a chain of about seven dependent loads, the largest
 * part of a call's overhead, so each generated proxy caches the context of the thread that uses it
 * most and checks {@link #thread} against {@code Thread.currentThread()} (see {@link
 * ProxySupport#current}). A cached context keeps its thread object reachable while the proxy is.
 *
 * <p>Only {@link ProxySupport} and {@link Domain} write it; user code reads it through {@link
 * Domain#current()}. Not thread-safe by design: each instance is confined to its thread.
 */
public final class CallContext {
  private static final ThreadLocal<CallContext> CURRENT =
      new ThreadLocal<>() {
        @Override
        protected CallContext initialValue() {
          return new CallContext(Thread.currentThread());
        }
      };

  int domainId;
  /** The thread this context belongs to; lets proxies cache a context and check it cheaply. */
  final Thread thread;
  /** Proxy-cache misses on this thread; see {@link ProxySupport#adopt}. */
  int misses;

  private CallContext(Thread thread) {
    this.thread = thread;
  }

  static CallContext get() {
    return CURRENT.get();
  }
}
