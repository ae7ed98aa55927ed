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
  /** Creating threads or executors, platform or virtual. */
  THREADS("threads"),
  /** Creating class loaders or defining classes. */
  CLASS_LOADERS("class-loader"),
  /** Starting or controlling operating-system processes. */
  PROCESSES("process"),
  /** Replacing {@code System.in}, {@code out} or {@code err}. */
  STD_STREAMS("std-streams"),
  /** Changing system properties. */
  SYSTEM_PROPERTIES("system-properties"),
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
