package dev.custody.netfn.nf;

import dev.custody.Borrowed;
import dev.custody.netfn.maglev.Maglev;
import dev.custody.netfn.packet.DropCounters;
import dev.custody.netfn.packet.DropReason;
import dev.custody.netfn.packet.FlowParser;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pipeline.NetFunction;
import java.util.List;

/**
 * The Maglev load balancer as a network function: parses each packet's 5-tuple, picks its backend
 * ({@link Maglev#lookup}) and forwards the frame to it by rewriting the destination MAC to the
 * backend's (MAC {@code 02:00:00:00:xx:xx}, xx:xx the backend id). Per-backend packet counts are
 * kept. Malformed packets are counted drops. Not thread-safe.
 */
public final class MaglevNf implements NetFunction {
  /** MAC prefix of backend {@code id}: {@code BACKEND_MAC_BASE | id}. */
  public static final long BACKEND_MAC_BASE = 0x0200_0000_0000L;

  private final Maglev maglev;
  private final FlowParser parser = new FlowParser();
  private final DropCounters drops = new DropCounters();
  private final long[] perBackend;

  public MaglevNf(List<String> backends) {
    this(new Maglev(backends));
  }

  public MaglevNf(Maglev maglev) {
    this.maglev = maglev;
    this.perBackend = new long[maglev.backendCount()];
  }

  @Override
  public void process(@Borrowed PacketBatch batch) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isDropped(i)) {
        continue;
      }
      DropReason bad = parser.parse(batch, i);
      if (bad != null) {
        drops.count(bad);
        batch.drop(i);
        continue;
      }
      int id = maglev.lookup(parser.srcIp(), parser.dstIp(), parser.srcPort(), parser.dstPort(),
          parser.protocol());
      parser.ethernet().setDestination(BACKEND_MAC_BASE | id);
      perBackend[id]++;
    }
  }

  public Maglev maglev() {
    return maglev;
  }

  /** Packets sent to backend {@code id} so far. */
  public long packetsTo(int id) {
    return perBackend[id];
  }

  @Override
  public DropCounters drops() {
    return drops;
  }
}
