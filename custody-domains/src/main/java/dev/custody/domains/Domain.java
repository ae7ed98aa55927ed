package dev.custody.domains;

import dev.custody.MovedValueException;
import dev.custody.Owned;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A protection domain: a name, an id, a reference table, a state, a recovery function, guards and
 * a failure policy (paper §3). Objects live in a domain and are reached from other domains only
 * through {@link RRef}s and the proxies generated for {@link DomainInterface}s.
 *
 * <h2>Life cycle</h2>
 *
 * <p>{@link State#RUNNING} → (a {@link Throwable} escapes domain code, a guard throws, or a
 * deadline passes) → {@link State#FAILED}: the reference table is cleared, so every call fails
 * fast; the resources the domain {@linkplain #own owns} are closed, as are {@code Owned} arguments
 * moved into the failed call that are still live (pooled buffers go back to their pool) → {@link
 * State#RECOVERING}: the {@link Recovery} function runs inside the domain and re-populates
 * existing slots → {@link State#RUNNING} again, and the {@code RRef}s clients hold work again. If
 * the recovery function throws, or the {@link FailurePolicy} counts too many failures within its
 * window, the domain becomes {@link State#DEAD} and every call fails fast for good.
 *
 * <p>The failure is handled synchronously on the thread whose call failed, before that caller
 * gets its {@link DomainFailedException}; concurrent callers fail fast with {@link
 * DomainFailedException} while the domain is failed or recovering. Exactly one thread handles a
 * given failure; calls already inside the domain when it fails run on (Java cannot stop them) and,
 * if they fail too, their callers get {@link DomainFailedException} without a second recovery.
 *
 * <h2>Deadlines</h2>
 *
 * <p>A call may carry a deadline ({@link Builder#deadline}, {@link RRef#withDeadline}, {@link
 * #execute(Duration, Task)}). When it passes, a watchdog thread marks the domain failed (callers
 * fail fast from then on) and interrupts the thread running the call. <b>Java cannot kill a
 * thread</b>: {@code Thread.stop} no longer exists, so code that ignores interrupts keeps running
 * until it returns. When it does return to the domain entry, its caller gets {@link
 * DomainFailedException} caused by {@link DeadlineExceededException} and the domain recovers; a
 * thread that never returns leaves the domain failed.
 *
 * <h2>Current domain</h2>
 *
 * <p>{@link #current()} is kept per thread (platform or virtual), set on entry to a domain and
 * restored on exit; outside any domain it is the {@linkplain #host() host domain}. The host is
 * the trusted domain manager: a failure of a call into the host is reported to its caller, but
 * the host is never cleared or recovered.
 *
 * <p><b>Thread safety.</b> All methods are thread-safe.
 */
public final class Domain {
  /** The life-cycle state of a domain. */
  public enum State {
    RUNNING,
    FAILED,
    RECOVERING,
    DEAD
  }

  /** Code run inside a domain that returns a value. */
  @FunctionalInterface
  public interface Task<T> {
    T call() throws Exception;
  }

  /** Code run inside a domain. */
  @FunctionalInterface
  public interface Action {
    void run() throws Exception;
  }

  static final Guard[] NO_GUARDS = new Guard[0];
  private static final Object[] NO_MOVED = new Object[0];
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final Domain HOST = new Domain("host", true, new Builder("host"));
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(Domain.class, "state", State.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final int id;
  private final boolean host;
  private final Recovery recovery;
  private final FailurePolicy policy;
  final long defaultDeadlineNanos;
  /** Copy-on-write; compared by identity with {@link #NO_GUARDS} on the call path. */
  volatile Guard[] guards;

  private volatile State state = State.RUNNING;
  private volatile Thread recoverer;

  private final Object tableLock = new Object();
  private Slot[] table = new Slot[8];
  private int tableEnd;
  private final ArrayDeque<Integer> freeIndices = new ArrayDeque<>();

  private final Object ownedLock = new Object();
  private final Map<AutoCloseable, Boolean> owned = new IdentityHashMap<>();

  /** Failure times within the policy window; touched only by the thread handling a failure. */
  private final ArrayDeque<Long> recentFailures = new ArrayDeque<>();
  private volatile long failureCount;
  private volatile Throwable lastFailure;

  private Domain(String name, boolean host, Builder b) {
    this.name = name;
    this.host = host;
    this.id = host ? 0 : IDS.incrementAndGet();
    this.recovery = b.recovery;
    this.policy = b.policy;
    this.defaultDeadlineNanos = b.deadlineNanos;
    this.guards = b.guards.isEmpty() ? NO_GUARDS : b.guards.toArray(new Guard[0]);
    if (!host) {
      Registry.add(this);
    }
  }

  /** A new running domain with no recovery function, guards or deadline, and the default policy. */
  public static Domain create(String name) {
    return builder(name).build();
  }

  /** Starts building a domain named {@code name}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** The domain the calling code runs in; the {@linkplain #host() host} outside any domain. */
  public static Domain current() {
    return byId(CallContext.get().domainId);
  }

  /** The domain with id {@code id}; ids come from live domains, so it is never collected. */
  static Domain byId(int id) {
    return id == 0 ? HOST : Registry.get(id);
  }

  /** Maps ids to domains weakly, so that the per-thread slot can hold an int. */
  private static final class Registry {
    private static final Object LOCK = new Object();

    @SuppressWarnings("unchecked")
    private static volatile java.lang.ref.WeakReference<Domain>[] table =
        new java.lang.ref.WeakReference[64];

    static void add(Domain d) {
      synchronized (LOCK) {
        java.lang.ref.WeakReference<Domain>[] t = table;
        if (d.id >= t.length) {
          t = Arrays.copyOf(t, Math.max(d.id + 1, t.length * 2));
        }
        t[d.id] = new java.lang.ref.WeakReference<>(d);
        table = t; // volatile write publishes the new entry
      }
    }

    static Domain get(int id) {
      Domain d = table[id].get();
      if (d == null) {
        throw new IllegalStateException("domain #" + id + " was garbage-collected while current");
      }
      return d;
    }
  }

  /** The host domain: the trusted code that creates and manages domains. */
  public static Domain host() {
    return HOST;
  }

  public String name() {
    return name;
  }

  /** Unique per JVM; 0 for the host. */
  public int id() {
    return id;
  }

  public boolean isHost() {
    return host;
  }

  public State state() {
    return state;
  }

  /** How many failures this domain has had. */
  public long failureCount() {
    return failureCount;
  }

  /** The cause of the most recent failure, or null. */
  public Throwable lastFailure() {
    return lastFailure;
  }

  // ---------------------------------------------------------------- execute

  /**
   * Runs {@code task} inside this domain (the paper's {@code Domain::execute}) and returns its
   * result; the domain's default deadline, if any, applies. Any {@link Throwable} escaping the
   * task fails the domain as a failed call does.
   *
   * @throws DomainFailedException if the task failed (the domain has been recovered or is dead by
   *     then), or the domain is failed, recovering or dead
   */
  public <T> T execute(Task<T> task) throws DomainFailedException {
    return execute0(task, defaultDeadlineNanos);
  }

  /** Runs {@code action} inside this domain; see {@link #execute(Task)}. */
  public void execute(Action action) throws DomainFailedException {
    Objects.requireNonNull(action, "action");
    execute0(
        () -> {
          action.run();
          return null;
        },
        defaultDeadlineNanos);
  }

  /** Like {@link #execute(Task)} with a deadline for this call. */
  public <T> T execute(Duration deadline, Task<T> task) throws DomainFailedException {
    long nanos = deadline.toNanos();
    if (nanos <= 0) {
      throw new IllegalArgumentException("Domain.execute: deadline must be positive, got " + deadline);
    }
    return execute0(task, nanos);
  }

  private <T> T execute0(Task<T> task, long deadlineNanos) throws DomainFailedException {
    Objects.requireNonNull(task, "task");
    CallContext cx = CallContext.get();
    int callerId = cx.domainId;
    State s = state;
    if (s != State.RUNNING && !(s == State.RECOVERING && recoverer == Thread.currentThread())) {
      throw failFast(DomainMethod.EXECUTE, s);
    }
    CallDeadline dl = deadlineNanos == 0 ? null : CallDeadline.arm(this, DomainMethod.EXECUTE, deadlineNanos);
    T result;
    cx.domainId = id;
    try {
      result = task.call();
    } catch (Throwable e) {
      throw failed(byId(callerId), DomainMethod.EXECUTE, dl, e, NO_MOVED);
    } finally {
      cx.domainId = callerId;
    }
    if (dl != null) {
      completed(byId(callerId), DomainMethod.EXECUTE, dl);
    }
    return result;
  }

  // ---------------------------------------------------------------- guards

  /** Adds a guard that every later call into this domain must pass. */
  public void addGuard(Guard guard) {
    Objects.requireNonNull(guard, "guard");
    synchronized (tableLock) {
      Guard[] g = guards;
      Guard[] n = Arrays.copyOf(g, g.length + 1);
      n[g.length] = guard;
      guards = n;
    }
  }

  /** Removes a guard added earlier; false if it was not there. */
  public boolean removeGuard(Guard guard) {
    synchronized (tableLock) {
      List<Guard> l = new ArrayList<>(Arrays.asList(guards));
      boolean removed = l.remove(guard);
      guards = l.isEmpty() ? NO_GUARDS : l.toArray(new Guard[0]);
      return removed;
    }
  }

  void checkGuards(Guard[] gs, Domain caller, DomainMethod m) throws CrossDomainException {
    for (Guard g : gs) {
      boolean ok;
      try {
        ok = g.permits(caller, m);
      } catch (Throwable e) {
        throw failed(caller, m, null, e, NO_MOVED);
      }
      if (!ok) {
        throw new CallRefusedException(
            "domain '" + name + "' refused " + m + " from domain '" + caller.name() + "'",
            this,
            m,
            caller);
      }
    }
  }

  // ---------------------------------------------------------------- owned resources

  /**
   * Registers {@code resource} as owned by this domain: it is closed when the domain fails (or
   * is shut down), e.g. so that pooled buffers go back to their pool. Returns {@code resource}.
   *
   * @throws IllegalStateException if the domain is dead (the resource is closed first)
   */
  public <R extends AutoCloseable> R own(R resource) {
    Objects.requireNonNull(resource, "Domain.own(null)");
    synchronized (ownedLock) {
      if (state != State.DEAD) {
        owned.put(resource, Boolean.TRUE);
        return resource;
      }
    }
    closeQuietly(resource, null);
    throw new IllegalStateException("Domain.own: domain '" + name + "' is dead; the resource was closed");
  }

  /** Stops owning {@code resource} (e.g. because it was handed to another domain). */
  public boolean disown(AutoCloseable resource) {
    synchronized (ownedLock) {
      return owned.remove(resource) != null;
    }
  }

  /** The number of resources currently registered with {@link #own}. */
  public int ownedCount() {
    synchronized (ownedLock) {
      return owned.size();
    }
  }

  // ---------------------------------------------------------------- reference table

  <T> RRef<T> export(T target, Class<?> type, java.util.function.Supplier<?> factory) {
    if (state == State.DEAD) {
      throw new IllegalStateException("RRef.of: domain '" + name + "' is dead");
    }
    synchronized (tableLock) {
      Integer free = freeIndices.poll();
      int index;
      if (free != null) {
        index = free;
      } else {
        index = tableEnd++;
        if (index == table.length) {
          table = Arrays.copyOf(table, index * 2);
        }
      }
      Slot s = new Slot(this, index, target, type, factory);
      RRef<T> r = new RRef<>(s, defaultDeadlineNanos);
      s.primary = r;
      table[index] = s;
      return r;
    }
  }

  void revoke(Slot s) {
    synchronized (tableLock) {
      revokeLocked(s);
    }
  }

  private void revokeLocked(Slot s) {
    if (s.revoked) {
      return;
    }
    s.revoked = true;
    s.target = null;
    if (table[s.index] == s) {
      table[s.index] = null;
      freeIndices.push(s.index);
    }
  }

  /** Revokes every reference into this domain; later calls fail fast with {@link RevokedException}. */
  public void revokeAll() {
    synchronized (tableLock) {
      for (int i = 0; i < tableEnd; i++) {
        if (table[i] != null) {
          revokeLocked(table[i]);
        }
      }
    }
  }

  /** The number of slots currently holding a target (0 while failed, recovering or dead). */
  public int tableOccupancy() {
    synchronized (tableLock) {
      int n = 0;
      for (int i = 0; i < tableEnd; i++) {
        if (table[i] != null && table[i].target != null) {
          n++;
        }
      }
      return n;
    }
  }

  /** The number of live (unrevoked) slots, bound or waiting for recovery. */
  public int slotCount() {
    synchronized (tableLock) {
      int n = 0;
      for (int i = 0; i < tableEnd; i++) {
        if (table[i] != null) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Shuts the domain down: revokes every reference, closes what it owns, and makes it dead.
   * Idempotent.
   */
  public void shutdown() {
    if (host) {
      throw new UnsupportedOperationException("the host domain cannot be shut down");
    }
    state = State.DEAD;
    revokeAll();
    releaseOwned(null);
  }

  // ---------------------------------------------------------------- failure handling

  DomainFailedException failFast(DomainMethod m, State s) {
    String why =
        switch (s) {
          case DEAD -> "is dead";
          case FAILED -> "has failed and is not yet recovered";
          case RECOVERING -> "is recovering";
          case RUNNING -> "has not re-populated this reference yet";
        };
    return new DomainFailedException(
        "domain '" + name + "' " + why + "; " + m + " not called",
        this, m, s == State.DEAD ? lastFailure : null, true, s == State.DEAD, false);
  }

  /**
   * Marks the domain failed if it is running: clears the table so callers fail fast. True if this
   * caller won and must now run {@link #recoverAfter}.
   */
  boolean markFailed(Throwable cause) {
    if (host || !STATE.compareAndSet(this, State.RUNNING, State.FAILED)) {
      return false;
    }
    lastFailure = cause;
    failureCount++;
    synchronized (tableLock) {
      for (int i = 0; i < tableEnd; i++) {
        Slot s = table[i];
        if (s != null) {
          s.target = null;
        }
      }
    }
    return true;
  }

  /** Handles a call's failure: containment, release and recovery; returns what the caller gets. */
  DomainFailedException failed(
      Domain caller, DomainMethod m, CallDeadline dl, Throwable cause, Object[] moved) {
    Throwable reported = cause;
    boolean owner;
    if (dl != null && !dl.disarm()) {
      reported = dl.cause;
      if (cause != null && cause != reported) {
        reported.addSuppressed(cause);
      }
      owner = dl.recoveryOwner;
    } else {
      owner = markFailed(cause);
    }
    List<Throwable> releaseErrors = new ArrayList<>();
    releaseMoved(moved, releaseErrors);
    DomainFailedException e;
    if (host) {
      e = new DomainFailedException(
          "call " + m + " into the host failed: " + cause, this, m, cause, false, false, false);
    } else if (owner) {
      e = recoverAfter(reported, caller, m, releaseErrors);
    } else {
      e = new DomainFailedException(
          "domain '" + name + "' failed in " + m + " while already " + state.name().toLowerCase()
              + ": " + reported,
          this, m, reported, false, state == State.DEAD, false);
    }
    for (Throwable t : releaseErrors) {
      e.addSuppressed(t);
    }
    return e;
  }

  /** After a call with a deadline returned normally: fails it if the deadline fired. */
  void completed(Domain caller, DomainMethod m, CallDeadline dl) throws DomainFailedException {
    if (dl.disarm()) {
      return;
    }
    List<Throwable> errors = new ArrayList<>();
    DomainFailedException e =
        dl.recoveryOwner
            ? recoverAfter(dl.cause, caller, m, errors)
            : new DomainFailedException(
                "domain '" + name + "' ran past its deadline in " + m, this, m, dl.cause, false,
                state == State.DEAD, false);
    for (Throwable t : errors) {
      e.addSuppressed(t);
    }
    throw e;
  }

  private DomainFailedException recoverAfter(
      Throwable cause, Domain caller, DomainMethod m, List<Throwable> errors) {
    CallContext cx = CallContext.get();
    int prev = cx.domainId;
    cx.domainId = id;
    recoverer = Thread.currentThread();
    String what = "domain '" + name + "' failed in " + m + " (called from '" + caller.name() + "'): " + cause;
    try {
      releaseOwned(errors);
      if (tooManyFailures()) {
        die();
        return new DomainFailedException(
            what + "; " + policy.maxFailures() + " failures within " + policy.window()
                + ", domain is dead",
            this, m, cause, false, true, false);
      }
      state = State.RECOVERING;
      List<Slot> pending = pendingSlots();
      RecoveryContext rc = new RecoveryContext(this, cause, pending, failureCount);
      try {
        recovery.recover(rc);
        for (Slot s : pending) {
          if (!rc.staged.containsKey(s) && s.factory != null && !s.revoked) {
            rc.staged.put(s, Objects.requireNonNull(s.factory.get(), "recoverable factory returned null"));
          }
        }
      } catch (Throwable re) {
        die();
        DomainFailedException e = new DomainFailedException(
            what + "; recovery failed (" + re + "), domain is dead", this, m, cause, false, true, false);
        e.addSuppressed(re);
        return e;
      }
      synchronized (tableLock) {
        for (Slot s : pending) {
          Object t = rc.staged.get(s);
          if (s.revoked) {
            continue;
          }
          if (t != null) {
            s.target = t;
          } else {
            revokeLocked(s);
          }
        }
      }
      state = State.RUNNING;
      return new DomainFailedException(what + "; domain recovered", this, m, cause, false, false, true);
    } finally {
      recoverer = null;
      cx.domainId = prev;
    }
  }

  private List<Slot> pendingSlots() {
    synchronized (tableLock) {
      List<Slot> l = new ArrayList<>();
      for (int i = 0; i < tableEnd; i++) {
        if (table[i] != null && table[i].target == null) {
          l.add(table[i]);
        }
      }
      return l;
    }
  }

  private boolean tooManyFailures() {
    long now = System.nanoTime();
    long window = policy.window().toNanos();
    recentFailures.addLast(now);
    while (!recentFailures.isEmpty() && now - recentFailures.peekFirst() > window) {
      recentFailures.removeFirst();
    }
    return recentFailures.size() >= policy.maxFailures();
  }

  private void die() {
    state = State.DEAD;
    synchronized (tableLock) {
      for (int i = 0; i < tableEnd; i++) {
        if (table[i] != null) {
          table[i].target = null;
        }
      }
    }
    releaseOwned(null);
  }

  private void releaseOwned(List<Throwable> errors) {
    List<AutoCloseable> toClose;
    synchronized (ownedLock) {
      toClose = new ArrayList<>(owned.keySet());
      owned.clear();
    }
    for (AutoCloseable c : toClose) {
      closeQuietly(c, errors);
    }
  }

  private static void releaseMoved(Object[] moved, List<Throwable> errors) {
    for (Object o : moved) {
      if (o instanceof Owned<?> h && h.isLive()) {
        Object v;
        try {
          v = h.take();
        } catch (MovedValueException raced) {
          continue;
        }
        if (v instanceof AutoCloseable c) {
          closeQuietly(c, errors);
        }
      }
    }
  }

  private static void closeQuietly(AutoCloseable c, List<Throwable> errors) {
    try {
      c.close();
    } catch (Throwable t) {
      if (errors != null) {
        errors.add(t);
      }
    }
  }

  @Override
  public String toString() {
    return "Domain[" + name + "#" + id + ", " + state + "]";
  }

  /**
   * Builds a {@link Domain}. Defaults: {@link Recovery#NONE}, no guards, {@link
   * FailurePolicy#DEFAULT}, no deadline. Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private Recovery recovery = Recovery.NONE;
    private FailurePolicy policy = FailurePolicy.DEFAULT;
    private long deadlineNanos;
    private final List<Guard> guards = new ArrayList<>();

    private Builder(String name) {
      Objects.requireNonNull(name, "domain name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("Domain.builder: the name must not be blank");
      }
      this.name = name;
    }

    /** The function that re-initialises the domain after a failure. */
    public Builder recovery(Recovery recovery) {
      this.recovery = Objects.requireNonNull(recovery, "recovery");
      return this;
    }

    /** A guard every call into the domain must pass (more can be added later). */
    public Builder guard(Guard guard) {
      guards.add(Objects.requireNonNull(guard, "guard"));
      return this;
    }

    /** {@code maxFailures} failures within {@code window} make the domain dead. */
    public Builder failurePolicy(int maxFailures, Duration window) {
      this.policy = new FailurePolicy(maxFailures, window);
      return this;
    }

    public Builder failurePolicy(FailurePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** A default deadline for every call into the domain ({@link RRef}s created in it, execute). */
    public Builder deadline(Duration deadline) {
      long n = deadline.toNanos();
      if (n <= 0) {
        throw new IllegalArgumentException("Domain.Builder.deadline: must be positive, got " + deadline);
      }
      this.deadlineNanos = n;
      return this;
    }

    public Domain build() {
      return new Domain(name, false, this);
    }
  }
}
