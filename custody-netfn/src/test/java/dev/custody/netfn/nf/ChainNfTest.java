package dev.custody.netfn.nf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.packet.Bytes;
import dev.custody.netfn.packet.DropReason;
import dev.custody.netfn.packet.EthernetView;
import dev.custody.netfn.packet.Ipv4View;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import org.junit.jupiter.api.Test;

class ChainNfTest {
  @Test
  void swapsMacsDecrementsTtlAndKeepsChecksumValid() {
    for (boolean full : new boolean[] {false, true}) {
      FlowGenerator gen = new FlowGenerator(8, 64, 0.5, -1, 5, 9);
      try (PacketPool pool = new PacketPool("c", 16); PacketBatch b = PacketBatch.create(pool, 8)) {
        gen.fill(b);
        EthernetView eth = new EthernetView();
        eth.wrap(b.segment(0), 64);
        long src = eth.source();
        long dst = eth.destination();
        new ChainNf(full).process(b);
        eth.wrap(b.segment(0), 64);
        assertThat(eth.source()).isEqualTo(dst);
        assertThat(eth.destination()).isEqualTo(src);
        Ipv4View ip = new Ipv4View();
        for (int i = 0; i < 8; i++) {
          assertThat(ip.wrap(b.segment(i), 14, 50)).isNull();
          assertThat(ip.ttl()).isEqualTo(8);
          assertThat(ip.checksumValid()).isTrue();
        }
      }
    }
  }

  @Test
  void dropsAtTtlZeroAndCountsMalformedPackets() {
    FlowGenerator gen = new FlowGenerator(8, 64, 0.5, -1, 5, 1);
    try (PacketPool pool = new PacketPool("c", 16); PacketBatch b = PacketBatch.create(pool, 8)) {
      gen.fill(b);
      // Packet 1: short. 2: bad IHL. 3: total length beyond the frame. 4: not IPv4. 5: IHL past end.
      b.setLength(1, 20);
      Bytes.u8(b.segment(2), 14, 0x43);
      Bytes.u16(b.segment(3), 16, 1000);
      Bytes.u16(b.segment(4), 12, 0x86dd);
      Bytes.u8(b.segment(5), 14, 0x4f);
      b.setLength(5, 40);
      ChainNf nf = new ChainNf();
      nf.process(b);
      assertThat(b.compact()).isEqualTo(8);
      assertThat(pool.inUse()).isZero();
      assertThat(nf.drops().get(DropReason.SHORT_PACKET)).isEqualTo(1);
      assertThat(nf.drops().get(DropReason.BAD_IHL)).isEqualTo(2);
      assertThat(nf.drops().get(DropReason.BAD_TOTAL_LENGTH)).isEqualTo(1);
      assertThat(nf.drops().get(DropReason.NOT_IPV4)).isEqualTo(1);
      assertThat(nf.drops().get(DropReason.TTL_EXPIRED)).isEqualTo(3);
    }
  }
}
