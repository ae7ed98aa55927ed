package dev.custody.netfn.nf;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.DropCounters;
import dev.custody.netfn.packet.DropReason;
import dev.custody.netfn.packet.EthernetView;
import dev.custody.netfn.packet.Ipv4View;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pipeline.NetFunction;
import java.lang.foreign.MemorySegment;

/**
 * A router-like chain of per-packet steps: swap MACs, decrement TTL (drop at zero), fix the IPv4
 * checksum, incrementally (RFC 1624) or, if asked, from scratch. Malformed packets are counted
 * drops. Not thread-safe.
 */
public final class ChainNf implements NetFunction {
  private final EthernetView eth = new EthernetView();
  private final Ipv4View ip = new Ipv4View();
  private final DropCounters drops = new DropCounters();
  private final boolean fullChecksum;

  public ChainNf() {
    this(false);
  }

  /** @param fullChecksum recompute the whole header checksum instead of patching it */
  public ChainNf(boolean fullChecksum) {
    this.fullChecksum = fullChecksum;
  }

  @Override
  public void process(@Borrowed PacketBatch batch) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isDropped(i)) {
        continue;
      }
      MemorySegment seg = batch.segment(i);
      int len = batch.length(i);
      if (!eth.wrap(seg, len)) {
        drop(batch, i, DropReason.SHORT_PACKET);
        continue;
      }
      if (eth.etherType() != EthernetView.ETHERTYPE_IPV4) {
        drop(batch, i, DropReason.NOT_IPV4);
        continue;
      }
      DropReason bad = ip.wrap(seg, EthernetView.HEADER_LENGTH, len - EthernetView.HEADER_LENGTH);
      if (bad != null) {
        drop(batch, i, bad);
        continue;
      }
      eth.swapMacs();
      int ttl;
      if (fullChecksum) {
        ttl = ip.ttl() - 1;
        if (ttl >= 0) {
          ip.setTtl(ttl);
          ip.updateChecksum();
        }
      } else {
        ttl = ip.decrementTtl();
      }
      if (ttl <= 0) {
        drop(batch, i, DropReason.TTL_EXPIRED);
      }
    }
  }

  private void drop(@Borrowed PacketBatch batch, int i, DropReason reason) {
    drops.count(reason);
    batch.drop(i);
  }

  @Override
  public DropCounters drops() {
    return drops;
  }
}
