package dev.example.stage;

import dev.custody.domains.confine.demo.Header;
import dev.custody.domains.confine.demo.HeaderFilter;
import java.util.List;
import java.util.Map;

/**
 * A benign pipeline stage, loaded by the demo as a confined domain: decrements the TTL (dropping
 * at zero) and rewrites destination addresses through a small NAT table. Uses ordinary modern Java
 * (records, streams, switch patterns, formatting) and nothing the confinement policy refuses.
 * Throws on a protocol other than TCP or UDP, which makes the domain fail and recover.
 */
public final class NatTtlStage implements HeaderFilter {
  /** Static on purpose: recovery of the confined domain must reset it. */
  private static long processed;

  private record Rule(String from, String to) {}

  private final List<Rule> nat = Map.of("10.0.0.1", "10.0.1.1").entrySet().stream()
      .map(e -> new Rule(e.getKey(), e.getValue())).toList();

  @Override
  public Header process(Header h) {
    processed++;
    if (h.protocol() != 6 && h.protocol() != 17) {
      throw new IllegalArgumentException("unsupported protocol " + h.protocol());
    }
    if (h.ttl() <= 1) {
      return null;
    }
    String dst = nat.stream().filter(r -> r.from().equals(h.dstIp())).map(Rule::to).findFirst()
        .orElse(h.dstIp());
    return new Header(h.srcIp(), dst, h.srcPort(), h.dstPort(), h.protocol(), h.ttl() - 1);
  }

  @Override
  public long processed() {
    return processed;
  }

  @Override
  public String describe() {
    Object self = this;
    String kind = switch (self) {
      case HeaderFilter f when nat.size() == 1 -> "NAT(%d rule)+TTL stage".formatted(nat.size());
      default -> "stage";
    };
    return String.format("%s %s", getClass().getSimpleName(), kind);
  }
}
