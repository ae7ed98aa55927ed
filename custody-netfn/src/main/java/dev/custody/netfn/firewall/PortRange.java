package dev.custody.netfn.firewall;

import dev.custody.checkpoint.Checkpointable;
import java.io.Serializable;

/**
 * An inclusive range of TCP/UDP ports. Immutable and thread-safe.
 *
 * @param low the first port, 0..65535
 * @param high the last port, {@code low..65535}
 */
@Checkpointable
public record PortRange(int low, int high) implements Serializable {
  /** Every port. */
  public static final PortRange ANY = new PortRange(0, 65535);

  /**
   * @throws IllegalArgumentException if a bound is outside 0..65535 or {@code low > high}
   */
  public PortRange {
    if (low < 0 || high > 65535 || low > high) {
      throw new IllegalArgumentException("bad port range " + low + "-" + high);
    }
  }

  /** The range holding just {@code port}. */
  public static PortRange of(int port) {
    return new PortRange(port, port);
  }

  /**
   * Parses {@code low-high}, a single port, or {@code *} / {@code any}.
   *
   * @throws IllegalArgumentException naming the text if it is malformed
   */
  public static PortRange parse(String text) {
    String t = text.strip();
    if (t.equals("*") || t.equalsIgnoreCase("any")) {
      return ANY;
    }
    try {
      int dash = t.indexOf('-');
      return dash < 0
          ? of(Integer.parseInt(t))
          : new PortRange(
              Integer.parseInt(t.substring(0, dash).strip()),
              Integer.parseInt(t.substring(dash + 1).strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad port range '" + text + "': " + e.getMessage(), e);
    }
  }

  /** True if {@code port} is in the range. */
  public boolean contains(int port) {
    return port >= low && port <= high;
  }

  @Override
  public String toString() {
    return low == 0 && high == 65535 ? "*" : low == high ? Integer.toString(low) : low + "-" + high;
  }
}
