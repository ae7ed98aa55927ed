package dev.custody.domains;

import java.util.function.Supplier;

/**
 * One entry of a domain's reference table. The slot object is stable: every {@link RRef} to it
 * keeps pointing at it across failures and recoveries; only {@link #target} changes. A null target
 * means revoked, or the domain is not running.
 */
final class Slot {
  /** For release stores of {@link #target} on the recovery path (no fence on x86). */
  static final java.lang.invoke.VarHandle TARGET;

  static {
    try {
      TARGET = java.lang.invoke.MethodHandles.lookup()
          .findVarHandle(Slot.class, "target", Object.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final Domain domain;
  final int index;
  final Class<?> type;
  final Supplier<?> factory;
  /** Written only under the domain's table lock; read on every call. */
  volatile Object target;
  volatile boolean revoked;
  RRef<?> primary;
  /** The recovery that must re-populate this slot, while it runs; recovering thread only. */
  RecoveryContext pendingIn;
  /** The target staged by that recovery (null: none yet); recovering thread only. */
  Object staged;

  Slot(Domain domain, int index, Object target, Class<?> type, Supplier<?> factory) {
    this.domain = domain;
    this.index = index;
    this.target = target;
    this.type = type;
    this.factory = factory;
  }

  String describe() {
    String t = type != null ? type.getSimpleName() : "object";
    return "RRef<" + t + ">#" + index + " of domain '" + domain.name() + "'";
  }
}
