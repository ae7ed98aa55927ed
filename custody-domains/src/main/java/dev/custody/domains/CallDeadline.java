package dev.custody.domains;

import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An armed deadline of one call. When it fires before the call returns, the watchdog marks the
 * callee domain failed (callers fail fast from then on) and interrupts the calling thread; the
 * thread finishes the failure handling (release, recovery) when it unwinds to the domain entry.
 * Opaque to user code; generated proxies pass it back to {@link ProxySupport}.
 */
public final class CallDeadline {
  private static final int ACTIVE = 0;
  private static final int DONE = 1;
  private static final int EXPIRING = 2;
  private static final int EXPIRED = 3;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(CallDeadline.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static final ScheduledThreadPoolExecutor WATCHDOG = newWatchdog();

  private static ScheduledThreadPoolExecutor newWatchdog() {
    ScheduledThreadPoolExecutor ex =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "custody-deadline-watchdog");
              t.setDaemon(true);
              return t;
            });
    ex.setRemoveOnCancelPolicy(true);
    return ex;
  }

  final Domain domain;
  final DomainMethod method;
  final long nanos;
  private final Thread thread;
  private volatile int state;
  /** Set by the watchdog before EXPIRED is published: whether this call must run recovery. */
  boolean recoveryOwner;
  /** Set by the watchdog before EXPIRED is published. */
  DeadlineExceededException cause;
  private Future<?> future;

  private CallDeadline(Domain domain, DomainMethod method, long nanos, Thread thread) {
    this.domain = domain;
    this.method = method;
    this.nanos = nanos;
    this.thread = thread;
  }

  static CallDeadline arm(Domain domain, DomainMethod method, long nanos) {
    CallDeadline d = new CallDeadline(domain, method, nanos, Thread.currentThread());
    d.future = WATCHDOG.schedule(d::fire, nanos, TimeUnit.NANOSECONDS);
    return d;
  }

  /** Called by the armed thread when the call ends. False if the deadline fired first. */
  boolean disarm() {
    if (STATE.compareAndSet(this, ACTIVE, DONE)) {
      future.cancel(false);
      return true;
    }
    while (state == EXPIRING) {
      Thread.onSpinWait();
    }
    // The watchdog interrupted us to stop domain code; the caller must not inherit that.
    Thread.interrupted();
    return false;
  }

  /** Runs on the watchdog thread when the deadline passes. */
  private void fire() {
    if (!STATE.compareAndSet(this, ACTIVE, EXPIRING)) {
      return;
    }
    cause = deadlineCause();
    recoveryOwner = domain.markFailed(cause);
    thread.interrupt();
    state = EXPIRED;
  }

  private DeadlineExceededException deadlineCause() {
    return new DeadlineExceededException(
        method + " in domain '" + domain.name() + "' ran past its deadline of "
            + formatNanos(nanos));
  }

  private static String formatNanos(long n) {
    return n % 1_000_000 == 0 ? (n / 1_000_000) + " ms" : n + " ns";
  }
}
