package dev.custody.domains.confine;

/**
 * The kinds of operation a {@link ConfinementPolicy} can refuse. Each has a short {@link #tag()}
 * that appears in brackets at the end of every {@link Violation} message, e.g. {@code [exit]}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Category {
  /** Reflection that opens access or invokes members reflectively; private lookups. */
  REFLECTION("reflection"),
  /** {@code Class.forName} / {@code ClassLoader.loadClass} on a name the domain may not see. */
  CLASS_FOR_NAME("class-for-name"),
  /** {@code sun.misc.Unsafe} and friends. */
  UNSAFE("unsafe"),
  /** JDK internals: {@code jdk.internal.*}, {@code sun.*}, {@code com.sun.*}. */
  JDK_INTERNAL("jdk-internal"),
  /** {@code native} methods and {@code System.load}/{@code loadLibrary}. */
  NATIVE("native"),
  /** The foreign function and memory API, {@code java.lang.foreign}. */
  FOREIGN("foreign"),
  /** {@code System.exit}, {@code Runtime.exit}, {@code Runtime.halt}. */
  EXIT("exit"),
  /**
   * Forcing garbage collection: {@code System.gc}, {@code Runtime.gc}. A full collection stops
   * every host thread; a domain calling it in a loop stalls the whole JVM.
   */
  GC("gc"),
  /** Creating threads or executors, platform or virtual. */
  THREADS("threads"),
  /**
   * Changing threads the host can see: name, priority, daemon status, uncaught-exception
   * handlers, interrupting a thread other than the current one; enumerating threads and thread
   * groups. Domain code runs on its caller's (host) thread, so such changes outlive the call.
   */
  THREAD_CONTROL("thread-control"),
  /**
   * {@code synchronized} on an object shared with the host or JVM-wide (a string literal, a JDK
   * class object, a static field of a JDK or host class, a cached box), which could block
   * host threads.
   */
  SHARED_MONITORS("shared-monitor"),
  /** Creating class loaders or defining classes. */
  CLASS_LOADERS("class-loader"),
  /**
   * Starting, controlling or inspecting operating-system processes, including the host's own
   * ({@code ProcessHandle.current()}, its pid and command line).
   */
  PROCESSES("process"),
  /** Replacing {@code System.in}, {@code out} or {@code err}. */
  STD_STREAMS("std-streams"),
  /**
   * Changing system properties, or taking the live, mutable host {@code Properties} object
   * ({@code System.getProperties}). Reading one property stays allowed.
   */
  SYSTEM_PROPERTIES("system-properties"),
  /**
   * Reading the host's environment and identity: environment variables, the console, the
   * management beans (JVM arguments, process id, other threads). A domain that needs a value
   * from the environment gets it handed in as a capability.
   */
  ENVIRONMENT("environment"),
  /** Direct file-system access. */
  FILE_IO("file-io"),
  /** Direct network access. */
  NETWORK_IO("network-io"),
  /** Custody classes outside its public API (runtime internals). */
  CUSTODY_INTERNAL("custody-internal");

  private final String tag;

  Category(String tag) {
    this.tag = tag;
  }

  /** The short tag printed in violation messages. */
  public String tag() {
    return tag;
  }
}
