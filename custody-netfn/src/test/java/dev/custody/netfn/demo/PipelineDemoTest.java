package dev.custody.netfn.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pcap.PcapReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineDemoTest {
  @Test
  void faultMidStreamIsContainedRecoveredAndAccountedFor(@TempDir Path dir) throws Exception {
    PipelineDemo.Result r = PipelineDemo.run(dir, 4000, 32, 20);
    assertThat(r.packets()).isEqualTo(4000);
    assertThat(r.failures()).isEqualTo(1);
    assertThat(r.maglevRecovered()).isTrue();
    assertThat(r.faultMessage()).contains("maglev").contains("injected fault");
    assertThat(r.lost()).isBetween(1L, 32L);
    assertThat(r.droppedByFirewall()).isGreaterThan(41); // 4000/97 malformed + denied flows
    assertThat(r.forwarded() + r.droppedByFirewall() + r.droppedByMaglev() + r.lost()).isEqualTo(4000);
    assertThat(r.perBackend().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.forwarded());
    assertThat(r.perBackend()).allMatch(c -> c > 0);
    assertThat(r.poolInUseAtEnd()).isZero();
    try (PcapReader in = PcapReader.open(r.outputPcap()); PacketPool pool = new PacketPool("t", 256)) {
      long n = 0;
      int k;
      do {
        try (PacketBatch b = PacketBatch.create(pool, 256)) {
          k = in.readInto(b);
          n += k;
        }
      } while (k > 0);
      assertThat(n).isEqualTo(r.forwarded());
    }
  }
}
