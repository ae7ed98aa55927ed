package dev.custody.netfn.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.netfn.io.FlowGenerator;
import org.junit.jupiter.api.Test;

class HeaderViewTest {
  @Test
  void parsesGeneratedUdpAndTcpFlows() {
    FlowGenerator gen = new FlowGenerator(16, 128, 0.5, -1, 7);
    try (PacketPool pool = new PacketPool("h", 32); PacketBatch batch = PacketBatch.create(pool, 16)) {
      gen.fill(batch);
      FlowParser p = new FlowParser();
      boolean sawTcp = false;
      boolean sawUdp = false;
      for (int i = 0; i < 16; i++) {
        assertThat(p.parse(batch, i)).isNull();
        assertThat(p.srcIp()).isEqualTo(gen.srcIp(i));
        assertThat(p.dstIp()).isEqualTo(gen.dstIp(i));
        assertThat(p.srcPort()).isEqualTo(gen.srcPort(i));
        assertThat(p.dstPort()).isEqualTo(gen.dstPort(i));
        assertThat(p.protocol()).isEqualTo(gen.protocol(i));
        assertThat(p.ipv4().checksumValid()).isTrue();
        assertThat(p.ipv4().totalLength()).isEqualTo(128 - 14);
        sawTcp |= p.protocol() == Ipv4View.PROTO_TCP;
        sawUdp |= p.protocol() == Ipv4View.PROTO_UDP;
      }
      assertThat(sawTcp && sawUdp).isTrue();
    }
  }

  @Test
  void incrementalChecksumMatchesFullRecomputation() {
    FlowGenerator gen = new FlowGenerator(50, 64, 0.3, -1, 11, 200);
    try (PacketPool pool = new PacketPool("c", 64); PacketBatch batch = PacketBatch.create(pool, 50)) {
      gen.fill(batch);
      Ipv4View ip = new Ipv4View();
      for (int i = 0; i < 50; i++) {
        assertThat(ip.wrap(batch.segment(i), 14, batch.length(i) - 14)).isNull();
        for (int k = 0; k < 200; k++) {
          ip.decrementTtl();
          assertThat(ip.checksum()).isEqualTo(ip.computeChecksum());
        }
        assertThat(ip.ttl()).isZero();
        assertThat(ip.decrementTtl()).isEqualTo(-1);
      }
    }
  }

  @Test
  void knownHeaderChecksum() {
    // The worked example of RFC 1071 style: header from Wikipedia's IPv4 checksum article.
    int[] hdr = {0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00,
        0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7};
    try (PacketPool pool = new PacketPool("k", 1)) {
      var seg = pool.segment(pool.allocate());
      for (int i = 0; i < hdr.length; i++) {
        Bytes.u8(seg, i, hdr[i]);
      }
      assertThat(Checksums.checksum(seg, 0, 20)).isEqualTo(0xb861);
    }
  }

  @Test
  void swapMacs() {
    try (PacketPool pool = new PacketPool("m", 1)) {
      var seg = pool.segment(pool.allocate());
      EthernetView eth = new EthernetView();
      assertThat(eth.wrap(seg, 60)).isTrue();
      eth.setDestination(0x0000_1111_2222_3333L);
      eth.setSource(0x0000_4444_5555_6666L);
      eth.swapMacs();
      assertThat(eth.destination()).isEqualTo(0x0000_4444_5555_6666L);
      assertThat(eth.source()).isEqualTo(0x0000_1111_2222_3333L);
      assertThat(eth.wrap(seg, 13)).isFalse();
    }
  }
}
