package dev.custody.netfn.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapRoundTripTest {
  @Test
  void writtenPacketsReadBackByteForByte(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rt.pcap");
    FlowGenerator gen = new FlowGenerator(10, 100, 0.5, 37, 3);
    try (PacketPool pool = new PacketPool("rt", 128)) {
      PacketBatch original = PacketBatch.create(pool, 64);
      gen.fill(original);
      try (PcapWriter w = PcapWriter.create(file)) {
        w.write(original);
      }
      try (PcapReader r = PcapReader.open(file); PacketBatch back = PacketBatch.create(pool, 64)) {
        assertThat(r.readInto(back)).isEqualTo(37);
        for (int i = 0; i < 37; i++) {
          assertThat(back.length(i)).isEqualTo(original.length(i));
          assertThat(back.timestampNanos(i)).isEqualTo(original.timestampNanos(i));
          assertThat(back.segment(i).asSlice(0, 100).toArray(ValueLayout.JAVA_BYTE))
              .isEqualTo(original.segment(i).asSlice(0, 100).toArray(ValueLayout.JAVA_BYTE));
        }
      }
      original.close();
      assertThat(pool.inUse()).isZero();
    }
    if (Files.isExecutable(Path.of("/usr/bin/tcpdump"))) {
      // A real tool reads what we wrote.
      Process p = new ProcessBuilder("tcpdump", "-nn", "-r", file.toString())
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor()).as(out).isZero();
      assertThat(out.lines().filter(l -> l.contains(" IP ")).count()).as(out).isEqualTo(37);
    }
  }
}
