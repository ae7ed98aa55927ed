package dev.custody.netfn.packet;

import dev.custody.Borrowed;
import java.lang.foreign.MemorySegment;

/**
 * Parses Ethernet → IPv4 → UDP/TCP and exposes the 5-tuple, allocating nothing per packet. Other
 * IPv4 protocols (and non-first fragments) parse with ports 0.
 *
 * <p>Not thread-safe: one parser per stage.
 */
public final class FlowParser {
  private final EthernetView eth = new EthernetView();
  private final Ipv4View ip = new Ipv4View();
  private final UdpView udp = new UdpView();
  private final TcpView tcp = new TcpView();
  private int srcIp;
  private int dstIp;
  private int srcPort;
  private int dstPort;
  private int protocol;

  /** Parses packet {@code i} of {@code batch}; null on success, else why it must be dropped. */
  public DropReason parse(@Borrowed PacketBatch batch, int i) {
    return parse(batch.segment(i), batch.length(i));
  }

  /** Parses a frame of {@code length} bytes; null on success, else why it must be dropped. */
  public DropReason parse(MemorySegment seg, int length) {
    if (!eth.wrap(seg, length)) {
      return DropReason.SHORT_PACKET;
    }
    if (eth.etherType() != EthernetView.ETHERTYPE_IPV4) {
      return DropReason.NOT_IPV4;
    }
    DropReason bad = ip.wrap(seg, EthernetView.HEADER_LENGTH, length - EthernetView.HEADER_LENGTH);
    if (bad != null) {
      return bad;
    }
    srcIp = ip.source();
    dstIp = ip.destination();
    protocol = ip.protocol();
    srcPort = 0;
    dstPort = 0;
    if (ip.isFirstFragment()) {
      int l4 = ip.payloadOffset();
      int avail = EthernetView.HEADER_LENGTH + ip.totalLength() - l4;
      if (protocol == Ipv4View.PROTO_UDP) {
        if (!udp.wrap(seg, l4, avail)) {
          return DropReason.BAD_TRANSPORT_HEADER;
        }
        srcPort = udp.sourcePort();
        dstPort = udp.destinationPort();
      } else if (protocol == Ipv4View.PROTO_TCP) {
        if (!tcp.wrap(seg, l4, avail)) {
          return DropReason.BAD_TRANSPORT_HEADER;
        }
        srcPort = tcp.sourcePort();
        dstPort = tcp.destinationPort();
      }
    }
    return null;
  }

  public EthernetView ethernet() {
    return eth;
  }

  public Ipv4View ipv4() {
    return ip;
  }

  public int srcIp() {
    return srcIp;
  }

  public int dstIp() {
    return dstIp;
  }

  public int srcPort() {
    return srcPort;
  }

  public int dstPort() {
    return dstPort;
  }

  public int protocol() {
    return protocol;
  }
}
