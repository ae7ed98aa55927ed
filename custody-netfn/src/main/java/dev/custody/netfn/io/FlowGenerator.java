package dev.custody.netfn.io;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.Bytes;
import dev.custody.netfn.packet.EthernetView;
import dev.custody.netfn.packet.Ipv4View;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.TcpView;
import dev.custody.netfn.packet.UdpView;
import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;

/**
 * A synthetic source of well-formed Ethernet/IPv4 UDP and TCP packets drawn round-robin from a
 * fixed set of flows, deterministic for a seed. Used by benchmarks, tests and the demo.
 *
 * <p>Flow {@code f} has 5-tuple {@link #srcIp(int)}, {@link #dstIp(int)}, {@link #srcPort(int)},
 * {@link #dstPort(int)}, {@link #protocol(int)}. Every packet has a valid IPv4 header checksum and
 * TTL {@link #ttl()}. Writing a packet allocates nothing.
 *
 * <p>Not thread-safe.
 */
public final class FlowGenerator implements PacketSource {
  private final int[] srcIp;
  private final int[] dstIp;
  private final int[] srcPort;
  private final int[] dstPort;
  private final int[] proto;
  private final int packetSize;
  private final long limit;
  private final int ttl;
  private long produced;
  private int nextFlow;

  /**
   * @param flows number of distinct flows (>= 1)
   * @param packetSize frame size in bytes, 64..1514
   * @param tcpShare fraction of flows that are TCP (the rest UDP), 0..1
   * @param limit packets to produce before the source is exhausted; negative for unlimited
   * @param seed seed for the flows' addresses and ports
   */
  public FlowGenerator(int flows, int packetSize, double tcpShare, long limit, long seed) {
    this(flows, packetSize, tcpShare, limit, seed, 64);
  }

  public FlowGenerator(int flows, int packetSize, double tcpShare, long limit, long seed, int ttl) {
    if (flows < 1) {
      throw new IllegalArgumentException("flows must be >= 1, got " + flows);
    }
    if (packetSize < 64 || packetSize > 1514) {
      throw new IllegalArgumentException("packet size must be in 64..1514, got " + packetSize);
    }
    if (ttl < 0 || ttl > 255) {
      throw new IllegalArgumentException("ttl must be in 0..255, got " + ttl);
    }
    this.packetSize = packetSize;
    this.limit = limit;
    this.ttl = ttl;
    srcIp = new int[flows];
    dstIp = new int[flows];
    srcPort = new int[flows];
    dstPort = new int[flows];
    proto = new int[flows];
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] services = {80, 443, 53, 8080, 22, 25, 123, 5060};
    for (int f = 0; f < flows; f++) {
      srcIp[f] = (10 << 24) | rnd.nextInt(1 << 24);
      dstIp[f] = (192 << 24) | (168 << 16) | rnd.nextInt(1 << 16);
      srcPort[f] = 1024 + rnd.nextInt(64_000);
      dstPort[f] = services[rnd.nextInt(services.length)];
      proto[f] = rnd.nextDouble() < tcpShare ? Ipv4View.PROTO_TCP : Ipv4View.PROTO_UDP;
    }
  }

  public int flows() {
    return srcIp.length;
  }

  public int srcIp(int f) {
    return srcIp[f];
  }

  public int dstIp(int f) {
    return dstIp[f];
  }

  public int srcPort(int f) {
    return srcPort[f];
  }

  public int dstPort(int f) {
    return dstPort[f];
  }

  public int protocol(int f) {
    return proto[f];
  }

  public int ttl() {
    return ttl;
  }

  public long produced() {
    return produced;
  }

  @Override
  public int fill(@Borrowed PacketBatch batch) {
    if (limit >= 0 && produced >= limit) {
      return -1;
    }
    int added = 0;
    while (!batch.isFull() && (limit < 0 || produced < limit)) {
      int i = batch.append(packetSize);
      if (i < 0) {
        break;
      }
      write(batch.segment(i), nextFlow);
      batch.setTimestampNanos(i, 1_700_000_000_000_000_000L + produced * 1000);
      nextFlow = nextFlow + 1 == srcIp.length ? 0 : nextFlow + 1;
      produced++;
      added++;
    }
    return added;
  }

  /** Writes a frame of flow {@code f} into {@code seg}. */
  public void write(MemorySegment seg, int f) {
    // Ethernet: locally administered MACs that encode the flow, so a MAC swap is visible.
    Bytes.u16(seg, 0, 0x0200);
    Bytes.i32(seg, 2, dstIp[f]);
    Bytes.u16(seg, 6, 0x0600);
    Bytes.i32(seg, 8, srcIp[f]);
    Bytes.u16(seg, 12, EthernetView.ETHERTYPE_IPV4);
    int ip = EthernetView.HEADER_LENGTH;
    int total = packetSize - EthernetView.HEADER_LENGTH;
    Bytes.u8(seg, ip, 0x45);
    Bytes.u8(seg, ip + 1, 0);
    Bytes.u16(seg, ip + 2, total);
    Bytes.u16(seg, ip + 4, (int) produced);
    Bytes.u16(seg, ip + 6, 0x4000);
    Bytes.u8(seg, ip + 8, ttl);
    Bytes.u8(seg, ip + 9, proto[f]);
    Bytes.u16(seg, ip + 10, 0);
    Bytes.i32(seg, ip + 12, srcIp[f]);
    Bytes.i32(seg, ip + 16, dstIp[f]);
    int l4 = ip + Ipv4View.MIN_HEADER_LENGTH;
    Bytes.u16(seg, l4, srcPort[f]);
    Bytes.u16(seg, l4 + 2, dstPort[f]);
    if (proto[f] == Ipv4View.PROTO_UDP) {
      Bytes.u16(seg, l4 + 4, total - Ipv4View.MIN_HEADER_LENGTH);
      Bytes.u16(seg, l4 + 6, 0);
    } else {
      Bytes.i32(seg, l4 + 4, (int) produced);
      Bytes.i32(seg, l4 + 8, 0);
      Bytes.u8(seg, l4 + 12, (TcpView.MIN_HEADER_LENGTH / 4) << 4);
      Bytes.u8(seg, l4 + 13, TcpView.FLAG_ACK);
      Bytes.u16(seg, l4 + 14, 65535);
      Bytes.u16(seg, l4 + 16, 0);
      Bytes.u16(seg, l4 + 18, 0);
    }
    int payload = l4 + (proto[f] == Ipv4View.PROTO_UDP ? UdpView.HEADER_LENGTH : TcpView.MIN_HEADER_LENGTH);
    seg.asSlice(payload, packetSize - payload).fill((byte) f);
    int sum = dev.custody.netfn.packet.Checksums.checksum(seg, ip, Ipv4View.MIN_HEADER_LENGTH);
    Bytes.u16(seg, ip + 10, sum);
  }
}
