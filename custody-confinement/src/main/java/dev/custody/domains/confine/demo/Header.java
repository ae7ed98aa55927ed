package dev.custody.domains.confine.demo;

import java.util.Objects;

/**
 * An IPv4/L4 header as the demo's confined stage sees it: immutable, so it can cross a domain
 * boundary without copying.
 *
 * @param srcIp dotted-quad source address
 * @param dstIp dotted-quad destination address
 * @param srcPort source port, 0-65535
 * @param dstPort destination port, 0-65535
 * @param protocol IP protocol number (6 TCP, 17 UDP)
 * @param ttl time to live, 0-255
 */
public record Header(String srcIp, String dstIp, int srcPort, int dstPort, int protocol,
    int ttl) {
  public Header {
    Objects.requireNonNull(srcIp, "srcIp");
    Objects.requireNonNull(dstIp, "dstIp");
    if (srcPort < 0 || srcPort > 65535 || dstPort < 0 || dstPort > 65535) {
      throw new IllegalArgumentException("port out of range in " + srcPort + "->" + dstPort);
    }
    if (ttl < 0 || ttl > 255) {
      throw new IllegalArgumentException("ttl out of range: " + ttl);
    }
  }
}
