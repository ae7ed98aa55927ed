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
 * #restore} (plain writes to the holder), and a {@code try}/{@code catch} around the invocation.
 * Deadlines and guards take slower paths only when set.
 */
public final class ProxySupport {
  private ProxySupport() {}

  /** The calling thread's current-domain holder. */
  public static CallContext context() {
    return CallContext.get();
  }

  /** The domain the caller runs in. */
  public static Domain caller(CallContext cx) {
    return cx.domain;
  }

  /**
   * Looks up the target of {@code r} and runs the callee's guards.
   *
   * @throws RevokedException if the reference was revoked
   * @throws DomainFailedException if the domain is failed, recovering or dead, or a guard threw
   * @throws CallRefusedException if a guard refused
   */
  @SuppressWarnings("unchecked")
  public static <T> T enter(RRef<T> r, Domain caller, DomainMethod m) throws CrossDomainException {
    Object t = r.slot.target;
    if (t == null) {
      t = unavailable(r, m);
    }
    Guard[] gs = r.domain.guards;
    if (gs != Domain.NO_GUARDS) {
      r.domain.checkGuards(gs, caller, m);
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
    cx.domain = r.domain;
  }

  /** Restores the caller's domain. */
  public static void restore(CallContext cx, Domain caller) {
    cx.domain = caller;
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
      throw new NullPointerException(m + ": argument '" + param + "' is null");
    }
    return arg.move();
  }

  /**
   * Contains a {@link Throwable} that escaped the target: fails the domain (release and recovery
   * happen before this returns) and returns the exception for the caller. {@code moved} are the
   * {@code Owned} arguments moved into the call; those still live are released.
   */
  public static DomainFailedException failed(
      RRef<?> r, Domain caller, DomainMethod m, Throwable e, Object... moved) {
    return r.domain.failed(caller, m, null, e, moved);
  }

  /** {@link #failed} for a call with a deadline. */
  public static DomainFailedException failedTimed(
      RRef<?> r, Domain caller, DomainMethod m, CallDeadline d, Throwable e, Object... moved) {
    return r.domain.failed(caller, m, d, e, moved);
  }

  /**
   * A declared checked exception left the target of a call with a deadline: returns it to be
   * rethrown, unless the deadline fired, in which case the call is a failure.
   */
  public static <X extends Throwable> X passedTimed(
      RRef<?> r, Domain caller, DomainMethod m, CallDeadline d, X x, Object... moved)
      throws DomainFailedException {
    if (d.disarm()) {
      return x;
    }
    throw r.domain.failed(caller, m, d, x, moved);
  }

  /** A call with a deadline returned normally: throws if the deadline fired meanwhile. */
  public static void completedTimed(RRef<?> r, Domain caller, DomainMethod m, CallDeadline d)
      throws DomainFailedException {
    r.domain.completed(caller, m, d);
  }
}
