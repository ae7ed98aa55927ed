package dev.custody.bench.confine;

import dev.custody.domains.confine.demo.Header;
import dev.custody.domains.confine.demo.HeaderFilter;

/**
 * The stage the confinement benchmarks load: TTL decrement, drop at zero. The host also loads it
 * directly (plain domain baseline); confined domains define their own copies from its bytes.
 */
public final class BenchStage implements HeaderFilter {
  private static long processed;

  @Override
  public Header process(Header h) {
    processed++;
    return h.ttl() <= 1 ? null
        : new Header(h.srcIp(), h.dstIp(), h.srcPort(), h.dstPort(), h.protocol(), h.ttl() - 1);
  }

  @Override
  public long processed() {
    return processed;
  }

  @Override
  public String describe() {
    return "bench stage";
  }
}
