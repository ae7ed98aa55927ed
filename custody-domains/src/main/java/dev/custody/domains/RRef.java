package dev.custody.domains;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A remote reference: names an object that stays in the domain where the reference was created.
 * The reference holds a revocable link to a stable <em>slot</em> of that domain's reference
 * table, never the object itself, so revoking the slot or clearing the table on failure makes the
 * object unreachable through it (the paper's weak pointer into the reference table).
 *
 * <p>Calls go through the proxy generated for the object's {@link DomainInterface}: for {@code
 * interface Stage}, {@code new StageProxy(ref)}. An {@code RRef} itself exposes no way to reach
 * the object.
 *
 * <p>Create one inside a domain, e.g. {@code RRef<Stage> r = d.execute(() -> RRef.of(new
 * MyStage()))}. {@link #recoverable} also records a factory that rebuilds the object after a
 * failure. After a failure and a successful recovery the same {@code RRef} (and every proxy over
 * it) works again, because recovery re-populates the slot in place.
 *
 * <p>{@link #revoke()} (or {@link Domain#revokeAll()}) revokes the slot for good: every later call
 * through any {@code RRef} to it throws {@link RevokedException} at once. Views made by {@link
 * #withDeadline} share the slot; {@link #equals} is slot identity.
 *
 * <p><b>Thread safety.</b> Immutable; calls and revocation may come from any thread.
 *
 * @param <T> the type of the referenced object, normally a {@link DomainInterface}
 */
public final class RRef<T> {
  final Slot slot;
  final Domain domain;
  final int domainId;
  /** Per-call deadline in nanoseconds, 0 for none. */
  final long deadlineNanos;

  RRef(Slot slot, long deadlineNanos) {
    this.slot = slot;
    this.domain = slot.domain;
    this.domainId = slot.domain.id();
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Exports {@code target} from the current domain ({@link Domain#current()}): stores it in a new
   * slot of the domain's table and returns a reference to the slot. Call it inside {@link
   * Domain#execute} (or a recovery function). Calls through the reference carry the domain's
   * default deadline, if it has one.
   *
   * @throws IllegalStateException if the current domain is dead
   */
  public static <T> RRef<T> of(T target) {
    Objects.requireNonNull(target, "RRef.of(null): nothing to reference");
    return Domain.current().export(target, null, null);
  }

  /**
   * Like {@link #of(Object)}, and records {@code type}: {@link RecoveryContext#rebind} then checks
   * that new targets are instances of it (useful when recovery builds objects from fresh classes).
   */
  public static <T> RRef<T> of(Class<T> type, T target) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(target, "RRef.of(type, null): nothing to reference");
    return Domain.current().export(type.cast(target), type, null);
  }

  /**
   * Exports an object made by {@code factory} now, and records the factory so that recovery
   * rebuilds the slot's object with it if the recovery function does not rebind the slot itself.
   * The factory runs inside the domain. This is how a domain "re-creates its objects" (for
   * instance from its last checkpoint) without a hand-written recovery function.
   */
  public static <T> RRef<T> recoverable(Supplier<? extends T> factory) {
    Objects.requireNonNull(factory, "factory");
    T target = Objects.requireNonNull(factory.get(), "RRef.recoverable: the factory returned null");
    return Domain.current().export(target, null, factory);
  }

  /** The domain the referenced object lives in. */
  public Domain domain() {
    return domain;
  }

  /** The index of the slot in the domain's reference table; stable for the slot's life. */
  public int slotIndex() {
    return slot.index;
  }

  /** True once the slot has been revoked. */
  public boolean isRevoked() {
    return slot.revoked;
  }

  /** Revokes the slot: all references to it fail fast with {@link RevokedException}. Idempotent. */
  public void revoke() {
    domain.revoke(slot);
  }

  /**
   * A view of this reference whose calls carry {@code deadline}: past it the callee domain is
   * marked failed and the calling thread interrupted (see {@link Domain}). Shares this slot.
   */
  public RRef<T> withDeadline(Duration deadline) {
    long nanos = deadline.toNanos();
    if (nanos <= 0) {
      throw new IllegalArgumentException("RRef.withDeadline: deadline must be positive, got " + deadline);
    }
    return new RRef<>(slot, nanos);
  }

  /** A view of this reference without a per-call deadline. */
  public RRef<T> withoutDeadline() {
    return deadlineNanos == 0 ? this : new RRef<>(slot, 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RRef<?> r && r.slot == slot;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(slot);
  }

  @Override
  public String toString() {
    return slot.describe() + (slot.revoked ? " (revoked)" : "");
  }
}
