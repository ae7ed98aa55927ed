package dev.custody.domains;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failing domain is declared dead instead of recovered: {@code maxFailures} failures
 * within {@code window} (the failure that reaches the limit is not recovered). A domain whose
 * recovery function fails is dead regardless. Immutable and thread-safe.
 *
 * @param maxFailures failures tolerated within the window, at least 1
 * @param window the sliding window, positive
 */
public record FailurePolicy(int maxFailures, Duration window) {
  /** 20 failures within 10 seconds. */
  public static final FailurePolicy DEFAULT = new FailurePolicy(20, Duration.ofSeconds(10));

  public FailurePolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("FailurePolicy: maxFailures must be >= 1, got " + maxFailures);
    }
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("FailurePolicy: window must be positive, got " + window);
    }
  }

  /** Never dead because of the failure rate (only a failing recovery kills the domain). */
  public static FailurePolicy unlimited() {
    return new FailurePolicy(Integer.MAX_VALUE, Duration.ofNanos(1));
  }
}
