package dev.example.hostile;

/**
 * The quieter escapes of the hostile plugin: nothing here leaves the JVM, but each reaches state
 * the host shares — its environment, the host thread that lent itself to the call, and a monitor
 * every thread in the JVM can see. The validator must refuse all three.
 */
public final class HostSquatter {
  private HostSquatter() {}

  /** Reads a secret from the host's environment. */
  public static String token() {
    return System.getenv("AWS_SECRET_ACCESS_KEY");
  }

  /** Renames the host thread that called into the domain, so the host's logs lie. */
  public static void disguise() {
    Thread.currentThread().setName("main");
  }

  /** Holds {@code String.class}'s monitor forever: host code locking it would block. */
  public static void squat() throws InterruptedException {
    synchronized (String.class) {
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
