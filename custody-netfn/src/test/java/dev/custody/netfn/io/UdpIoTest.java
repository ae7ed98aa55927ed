package dev.custody.netfn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.netfn.packet.FlowParser;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class UdpIoTest {
  @Test
  void framesSentBySinkArriveAtSource() throws Exception {
    try (PacketPool pool = new PacketPool("u", 64);
        UdpSource src = new UdpSource(new InetSocketAddress("127.0.0.1", 0));
        UdpSink sink = new UdpSink(src.localAddress())) {
      FlowGenerator gen = new FlowGenerator(4, 100, 0.5, 20, 3);
      PacketBatch out = PacketBatch.create(pool, 20);
      gen.fill(out);
      sink.accept(out);
      assertThat(out.isClosed()).isTrue();
      assertThat(sink.sent()).isEqualTo(20);
      try (PacketBatch in = PacketBatch.create(pool, 32)) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (in.size() < 20 && System.nanoTime() < deadline) {
          if (src.fill(in) == 0) {
            Thread.sleep(5);
          }
        }
        assertThat(in.size()).isEqualTo(20);
        FlowParser p = new FlowParser();
        for (int i = 0; i < 20; i++) {
          assertThat(in.length(i)).isEqualTo(100);
          assertThat(p.parse(in, i)).isNull();
          assertThat(p.srcPort()).isEqualTo(gen.srcPort(i % 4));
        }
        assertThat(src.fill(in)).isZero();
      }
      assertThat(pool.inUse()).isZero();
    }
  }

  @Test
  void onlyLoopbackAddressesAreAccepted() {
    assertThatThrownBy(() -> new UdpSink(new InetSocketAddress("8.8.8.8", 53)))
        .hasMessageContaining("not a loopback address");
    assertThatThrownBy(() -> new UdpSource(new InetSocketAddress("0.0.0.0", 0)))
        .hasMessageContaining("not a loopback address");
  }
}
