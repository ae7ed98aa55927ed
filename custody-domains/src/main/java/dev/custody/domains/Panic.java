package dev.custody.domains;

import java.util.Locale;

/**
 * A panic: domain code gives up on the current call, as Rust's {@code panic!} does. It unwinds
 * to the domain entry like any other {@code Throwable}; the domain is cleaned up and recovered,
 * and the caller gets a {@link DomainFailedException} whose cause is this panic.
 *
 * <p>Why a type of its own: a Java exception records the whole stack of its thread when it is
 * created, whether or not anyone reads it. That costs on the order of 100 ns per frame, and it
 * is paid by the code that throws, before the domain can do anything. Under a benchmark harness
 * or a server framework the stack is tens of frames deep, so the capture alone can cost more than
 * everything the domain does to contain and recover. Rust's panic records no backtrace unless
 * {@code RUST_BACKTRACE} is set; a {@code Panic} does the same:
 *
 * <ul>
 *   <li>by default it carries its message and cause and records no stack trace
 *       ({@link #getStackTrace()} is empty);
 *   <li>with {@code -Dcustody.backtrace=true}, or the environment variable {@code
 *       CUSTODY_BACKTRACE=1} when the property is not set, every panic records its stack trace as
 *       an ordinary exception does. The setting is read once, when this class is initialised.
 * </ul>
 *
 * <p>Domain code can throw any {@code Throwable}; the domain treats all of them alike. Throw a
 * {@code Panic} where a failure is expected to be survived often (a bad packet, a poisoned
 * input), and an ordinary exception where its stack trace is worth its cost.
 *
 * <p>Suppressed exceptions are recorded as usual. Instances are not thread-safe while they are
 * being built (as every {@code Throwable}); once thrown they may be read from any thread.
 */
public class Panic extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private static final boolean BACKTRACE = backtraceSetting(
      System.getProperty("custody.backtrace"), System.getenv("CUSTODY_BACKTRACE"));

  /** A panic with a message. */
  public Panic(String message) {
    super(message, null, true, BACKTRACE);
  }

  /** A panic with a message and the exception that caused it. */
  public Panic(String message, Throwable cause) {
    super(message, cause, true, BACKTRACE);
  }

  /** Whether panics in this JVM record stack traces ({@code custody.backtrace}). */
  public static boolean backtraces() {
    return BACKTRACE;
  }

  /**
   * The backtrace setting from the system property and the environment variable; the property
   * wins when present. "true", "1", "yes", "on" and "full" (any case) turn backtraces on, as
   * {@code RUST_BACKTRACE=1} or {@code full} do; anything else turns them off.
   */
  static boolean backtraceSetting(String property, String environment) {
    String v = property != null ? property : environment;
    if (v == null) {
      return false;
    }
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on", "full" -> true;
      default -> false;
    };
  }
}
