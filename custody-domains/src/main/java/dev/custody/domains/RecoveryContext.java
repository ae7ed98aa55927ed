package dev.custody.domains;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link Recovery} function sees: the failed domain, the cause, and the references whose
 * slots were cleared and wait to be re-populated.
 *
 * <p>{@link #rebind} stages a new target for an existing slot; staged targets are published all
 * at once when the recovery function returns normally, so no client sees a half-recovered domain.
 * The new target may be of a class the old one never saw: a confined domain's recovery can drop
 * its class loader, load fresh classes, build new objects from them and rebind every pending slot,
 * and clients' existing {@link RRef}s (typed by an interface from a shared loader) keep working.
 * A checkpointing domain rebinds each slot to the object restored from its last checkpoint.
 *
 * <p>Valid only during the recovery call, on the recovering thread.
 */
public final class RecoveryContext {
  private final Domain domain;
  private final Throwable cause;
  // Staged targets live in the pending slots themselves (Slot.staged, marked with Slot.pendingIn
  // == this), written only by the recovering thread: no map per recovery.
  private final Slot[] pendingSlots;
  private List<RRef<?>> pending;
  private final long failureCount;

  RecoveryContext(Domain domain, Throwable cause, Slot[] pendingSlots, long failureCount) {
    this.domain = domain;
    this.cause = cause;
    this.pendingSlots = pendingSlots;
    this.failureCount = failureCount;
  }

  /** The recovering domain (also {@link Domain#current()} during recovery). */
  public Domain domain() {
    return domain;
  }

  /** The failure being recovered from. */
  public Throwable cause() {
    return cause;
  }

  /** How many times the domain has failed so far, this failure included. */
  public long failureCount() {
    return failureCount;
  }

  /** The references whose slots were cleared by this failure, in slot order. */
  public List<RRef<?>> pendingRefs() {
    List<RRef<?>> l = pending;
    if (l == null) {
      RRef<?>[] refs = new RRef<?>[pendingSlots.length];
      for (int i = 0; i < refs.length; i++) {
        refs[i] = pendingSlots[i].primary;
      }
      l = Collections.unmodifiableList(Arrays.asList(refs));
      pending = l;
    }
    return l;
  }

  /**
   * Re-populates the slot of {@code ref} (a reference created earlier in this domain) with {@code
   * target}, effective when recovery completes. Rebinding the same slot twice keeps the last
   * target.
   *
   * @throws IllegalArgumentException if {@code ref} belongs to another domain, is revoked, or was
   *     created with a type that {@code target} is not an instance of
   */
  public <T> void rebind(RRef<T> ref, T target) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(target, "RecoveryContext.rebind: target is null for " + ref);
    Slot s = ref.slot;
    if (s.domain != domain) {
      throw new IllegalArgumentException(
          "RecoveryContext.rebind: " + ref + " does not belong to domain '" + domain.name() + "'");
    }
    if (s.revoked) {
      throw new IllegalArgumentException("RecoveryContext.rebind: " + ref + " is revoked");
    }
    if (s.type != null && !s.type.isInstance(target)) {
      throw new IllegalArgumentException(
          "RecoveryContext.rebind: "
              + target.getClass().getName()
              + " is not a "
              + s.type.getName()
              + " for "
              + ref);
    }
    if (s.pendingIn == this) {
      s.staged = target;
    } // else: a slot this failure did not clear; as before, nothing to re-populate
  }
}
