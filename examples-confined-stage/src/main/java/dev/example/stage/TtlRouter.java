package dev.example.stage;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.DropCounters;
import dev.custody.netfn.packet.DropReason;
import dev.custody.netfn.packet.FlowParser;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pipeline.NetFunction;

/**
 * The paper's chain NF as plugin code: for each packet, swap the Ethernet addresses and decrement
 * the IPv4 TTL (patching the header checksum, RFC 1624), dropping the packet when the TTL reaches
 * zero. Malformed packets are counted drops, as in every NF of the pipeline.
 *
 * <p>It reaches packet bytes only through the pipeline's header views ({@link FlowParser}, whose
 * Ethernet and IPv4 views edit the pooled buffer in place), never through {@code
 * java.lang.foreign}, so it passes the default confinement policy and can run as a confined
 * domain loaded from this module's jar.
 *
 * <p>Not thread-safe: one router per pipeline stage.
 */
public final class TtlRouter implements NetFunction {
  /**
   * Packets routed by every router of this class loader. Static on purpose: a confined domain's
   * recovery loads the class again, so the count must start from zero.
   */
  private static long routed;

  private final FlowParser parser = new FlowParser();
  private final DropCounters drops = new DropCounters();

  @Override
  public void process(@Borrowed PacketBatch batch) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isDropped(i)) {
        continue;
      }
      DropReason bad = parser.parse(batch, i);
      if (bad != null) {
        drop(batch, i, bad);
        continue;
      }
      parser.ethernet().swapMacs();
      if (parser.ipv4().decrementTtl() <= 0) {
        drop(batch, i, DropReason.TTL_EXPIRED);
        continue;
      }
      routed++;
    }
  }

  private void drop(@Borrowed PacketBatch batch, int i, DropReason reason) {
    drops.count(reason);
    batch.drop(i);
  }

  /** Packets routed (not dropped) since this class was loaded. */
  public static long routed() {
    return routed;
  }

  @Override
  public String name() {
    return "router";
  }

  @Override
  public DropCounters drops() {
    return drops;
  }
}
