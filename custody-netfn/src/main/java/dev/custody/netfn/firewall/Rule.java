package dev.custody.netfn.firewall;

import dev.custody.checkpoint.Checkpointable;
import java.io.Serializable;
import java.util.Objects;

/**
 * A firewall rule. Rules are tried in increasing {@code priority}; the first that matches a
 * packet decides its fate. The priority is also the rule's key in a {@link RuleDatabase} (like
 * an ACL sequence number): no two rules of a database share one.
 *
 * <p>Immutable and thread-safe.
 *
 * @param priority the rule's position and key, {@code >= 0}; lower is tried first
 * @param src source-address prefix
 * @param dst destination-address prefix
 * @param srcPorts source ports
 * @param dstPorts destination ports
 * @param protocol IP protocol number 0..255 (6 TCP, 17 UDP, 1 ICMP) or {@link #ANY_PROTOCOL}
 * @param action what to do with a matching packet
 */
@Checkpointable
public record Rule(
    int priority,
    Prefix src,
    Prefix dst,
    PortRange srcPorts,
    PortRange dstPorts,
    int protocol,
    Action action)
    implements Serializable {
  /** Matches every protocol. */
  public static final int ANY_PROTOCOL = -1;

  /** IP protocol numbers. */
  public static final int ICMP = 1, TCP = 6, UDP = 17;

  /**
   * @throws IllegalArgumentException if the priority is negative or the protocol is not
   *     0..255 or {@link #ANY_PROTOCOL}
   * @throws NullPointerException if a prefix, range or the action is null
   */
  public Rule {
    if (priority < 0) {
      throw new IllegalArgumentException("rule priority " + priority + " is negative");
    }
    if (protocol < ANY_PROTOCOL || protocol > 255) {
      throw new IllegalArgumentException("rule protocol " + protocol + " is not 0..255 or ANY (-1)");
    }
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    Objects.requireNonNull(srcPorts, "srcPorts");
    Objects.requireNonNull(dstPorts, "dstPorts");
    Objects.requireNonNull(action, "action");
  }

  /** True if the packet's 5-tuple matches every field of this rule. */
  public boolean matches(int srcIp, int dstIp, int srcPort, int dstPort, int protocol) {
    return (this.protocol == ANY_PROTOCOL || this.protocol == protocol)
        && src.contains(srcIp)
        && dst.contains(dstIp)
        && srcPorts.contains(srcPort)
        && dstPorts.contains(dstPort);
  }

  @Override
  public String toString() {
    return priority + ": " + action + " " + (protocol == ANY_PROTOCOL ? "any" : protocol)
        + " " + src + ":" + srcPorts + " -> " + dst + ":" + dstPorts;
  }
}
