package dev.custody.domains;

import dev.custody.Owned;

/**
 * The call path of generated {@link DomainInterface} proxies. <b>For generated code only</b>:
 * {@link #enter} hands out the target object of a reference, which user code must never hold
 * (confinement policies should reject references to this class from domain code).
 *
 * <p>The fast path of a proxy method is: {@link #context()} (one {@code ThreadLocal} lookup of a
 * mutable holder), {@link #enter} (a final-field read and a volatile read of the slot, an
 * identity comparison of the guard array with the empty one), {@link #switchTo} and {@link
 * #restore} (plain int writes to the holder, which need no GC barrier), and a {@code try}/{@code catch} around the invocation.
 * Deadlines and guards take slower paths only when set.
 *
 * <p>Stateless and thread-safe; every method runs on the calling thread.
 */
public final class ProxySupport {
  private ProxySupport() {}

  /** The calling thread's current-domain holder (a {@code ThreadLocal} lookup). */
  public static CallContext context() {
    return CallContext.get();
  }

  /**
   * True if {@code cached} (a proxy's cached context, possibly null) belongs to the calling thread,
   * so the proxy can skip the {@code ThreadLocal} lookup.
   */
  public static boolean current(CallContext cached) {
    return cached != null && cached.thread == Thread.currentThread();
  }

  /**
   * After a cache miss with the calling thread's context {@code cx}: whether the proxy should
   * cache {@code cx} instead of {@code cached}. An empty cache is filled at once; an occupied one
   * is taken over after 64 misses of this thread, so a proxy follows the thread that uses it while
   * threads sharing a proxy rewrite its cache only every 64th call (no cache-line ping-pong).
   */
  public static boolean adopt(CallContext cached, CallContext cx) {
    return cached == null || (++cx.misses & 63) == 0;
  }

  /** The id of the domain the caller runs in. */
  public static int caller(CallContext cx) {
    return cx.domainId;
  }

  /**
   * Looks up the target of {@code r} and runs the callee's guards.
   *
   * @throws RevokedException if the reference was revoked
   * @throws DomainFailedException if the domain is failed, recovering or dead, or a guard threw
   * @throws CallRefusedException if a guard refused
   */
  @SuppressWarnings("unchecked")
  public static <T> T enter(RRef<T> r, int caller, DomainMethod m) throws CrossDomainException {
    Object t = r.slot.target;
    if (t == null) {
      t = unavailable(r, m);
    }
    Guard[] gs = r.domain.guards;
    if (gs != Domain.NO_GUARDS) {
      r.domain.checkGuards(gs, Domain.byId(caller), m);
    }
    return (T) t;
  }

  private static Object unavailable(RRef<?> r, DomainMethod m) throws CrossDomainException {
    Slot s = r.slot;
    if (s.revoked) {
      throw new RevokedException(s.describe() + " was revoked; " + m + " not called", s.domain, m);
    }
    Domain.State st = s.domain.state();
    Object t = s.target;
    if (st == Domain.State.RUNNING && t != null) {
      return t; // recovered between the two reads
    }
    if (s.revoked) {
      throw new RevokedException(s.describe() + " was revoked; " + m + " not called", s.domain, m);
    }
    throw s.domain.failFast(m, st);
  }

  /** Makes the callee domain current. */
  public static void switchTo(CallContext cx, RRef<?> r) {
    cx.domainId = r.domainId;
  }

  /** Restores the caller's domain. */
  public static void restore(CallContext cx, int caller) {
    cx.domainId = caller;
  }

  /** True if calls through {@code r} carry a deadline. */
  public static boolean timed(RRef<?> r) {
    return r.deadlineNanos != 0;
  }

  /** Arms the deadline of {@code r} for the call about to start. */
  public static CallDeadline arm(RRef<?> r, DomainMethod m) {
    return CallDeadline.arm(r.domain, m, r.deadlineNanos);
  }

  /**
   * Moves an {@code Owned} argument for the callee. A null or dead handle is the caller's error
   * and is reported before the call enters the domain.
   */
  public static <T> Owned<T> move(Owned<T> arg, DomainMethod m, String param) {
    if (arg == null) {
      throw nullArgument(m, param);
    }
    return arg.move();
  }

  private static NullPointerException nullArgument(DomainMethod m, String param) {
    return new NullPointerException(m + ": argument '" + param + "' is null");
  }

  /**
   * Contains a {@link Throwable} that escaped the target: fails the domain (release and recovery
   * happen before this returns) and returns the exception for the caller. {@code moved} are the
   * {@code Owned} arguments moved into the call; those still live are released.
   */
  public static DomainFailedException failed(
      RRef<?> r, int caller, DomainMethod m, Throwable e, Object... moved) {
    return r.domain.failed(Domain.byId(caller), m, null, e, moved);
  }

  /**
   * {@link #failed} for a call that moved no {@code Owned} argument; a fixed arity, so the
   * generated call site allocates no empty varargs array.
   */
  public static DomainFailedException failed(RRef<?> r, int caller, DomainMethod m, Throwable e) {
    return r.domain.failed(Domain.byId(caller), m, null, e, Domain.NO_MOVED);
  }

  /** {@link #failed} for a call with a deadline. */
  public static DomainFailedException failedTimed(
      RRef<?> r, int caller, DomainMethod m, CallDeadline d, Throwable e, Object... moved) {
    return r.domain.failed(Domain.byId(caller), m, d, e, moved);
  }

  /**
   * A declared checked exception left the target of a call with a deadline: returns it to be
   * rethrown, unless the deadline fired, in which case the call is a failure.
   */
  public static <X extends Throwable> X passedTimed(
      RRef<?> r, int caller, DomainMethod m, CallDeadline d, X x, Object... moved)
      throws DomainFailedException {
    if (d.disarm()) {
      return x;
    }
    throw r.domain.failed(Domain.byId(caller), m, d, x, moved);
  }

  /** A call with a deadline returned normally: throws if the deadline fired meanwhile. */
  public static void completedTimed(RRef<?> r, int caller, DomainMethod m, CallDeadline d)
      throws DomainFailedException {
    r.domain.completed(Domain.byId(caller), m, d);
  }

  // ------------------------------------------------------------ delivery to narrower declarations
  //
  // A domain-interface method may declare only subclasses of CrossDomainException. Its proxy then
  // delivers each failure that the declaration names as itself and converts the others, on the
  // failure path only, into the first declared type that can carry them (see DomainInterface).

  /**
   * {@code e} as a {@link DomainFailedException}: {@code e} itself if it is one, else (a
   * revocation or refusal) a {@linkplain DomainFailedException#isFailFast() fail-fast} one whose
   * cause is {@code e} and whose message says what was converted, for a proxy method that declares
   * {@code DomainFailedException} but not the kind of {@code e}.
   */
  public static DomainFailedException asFailed(CrossDomainException e) {
    if (e instanceof DomainFailedException f) {
      return f;
    }
    Domain d = e.domain();
    boolean dead = d != null && d.state() == Domain.State.DEAD;
    return new DomainFailedException(
        deliveredMessage(e, DomainFailedException.class), d, e.method(), e, true, dead, false);
  }

  /**
   * {@code e} as a {@link RevokedException}: {@code e} itself if it is one, else one whose cause is
   * {@code e}, for a proxy method that declares {@code RevokedException} but not the kind of {@code
   * e}.
   */
  public static RevokedException asRevoked(CrossDomainException e) {
    if (e instanceof RevokedException r) {
      return r;
    }
    return new RevokedException(deliveredMessage(e, RevokedException.class), e.domain(), e.method(), e);
  }

  /**
   * {@code e} as a {@link CallRefusedException}: {@code e} itself if it is one, else one whose
   * cause is {@code e} and whose {@link CallRefusedException#caller() caller} is the calling
   * thread's current domain, for a proxy method that declares {@code CallRefusedException} but not
   * the kind of {@code e}. Call it on the caller's side of the boundary (after the proxy restored
   * the caller's domain).
   */
  public static CallRefusedException asRefused(CrossDomainException e) {
    if (e instanceof CallRefusedException c) {
      return c;
    }
    Domain caller = Domain.byId(CallContext.get().domainId);
    return new CallRefusedException(
        deliveredMessage(e, CallRefusedException.class), e.domain(), e.method(), caller, e);
  }

  /**
   * The message of {@code e} converted into {@code as} (a declared type of the called method that
   * is not a supertype of {@code e}'s class), naming the method, the callee domain and both kinds:
   * e.g. {@code "Stage.process in domain 'fw': RevokedException delivered as DomainFailedException
   * (the method declares neither RevokedException nor CrossDomainException): ..."} followed by the
   * message of {@code e}. Generated proxies pass it with {@code e} to the {@code (String,
   * Throwable)} constructor of a user-defined subclass.
   */
  public static String deliveredMessage(CrossDomainException e, Class<? extends CrossDomainException> as) {
    String kind = e.getClass().getSimpleName();
    Domain d = e.domain();
    DomainMethod m = e.method();
    return (m != null ? m.toString() : "call")
        + (d != null ? " in domain '" + d.name() + "'" : "")
        + ": " + kind + " delivered as " + as.getSimpleName()
        + " (the method declares neither " + kind + " nor CrossDomainException): " + e.getMessage();
  }
}
