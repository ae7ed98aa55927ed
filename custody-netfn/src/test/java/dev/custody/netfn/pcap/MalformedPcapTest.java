package dev.custody.netfn.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Truncated, corrupted and random pcaps: a clear error naming file and offset, never a crash. */
class MalformedPcapTest {
  private static byte[] resource(String name) throws IOException {
    try (InputStream in = MalformedPcapTest.class.getResourceAsStream("/pcap/" + name)) {
      return in.readAllBytes();
    }
  }

  /** Reads all packets; returns the count, or throws PcapFormatException. */
  private static int readAll(String name, byte[] bytes) throws IOException {
    try (PacketPool pool = new PacketPool("m", 32); PacketBatch batch = PacketBatch.create(pool, 8);
        PcapReader r = new PcapReader(name, new ByteArrayInputStream(bytes))) {
      int total = 0;
      int n;
      while ((n = r.readInto(batch)) > 0) {
        total += n;
        batch.clear();
      }
      assertThat(pool.inUse()).isZero();
      return total;
    }
  }

  @Test
  void everyTruncationOfRealCapturesIsCleanEndOrNamedError() throws IOException {
    for (String name : new String[] {"tcpdump-lo-udp.pcap", "tshark-lo-udp.pcapng"}) {
      byte[] full = resource(name);
      assertThat(readAll(name, full)).isEqualTo(5);
      for (int cut = 0; cut < full.length; cut++) {
        byte[] part = Arrays.copyOf(full, cut);
        try {
          int n = readAll(name + "[0.." + cut + ")", part);
          // A cut on a block boundary after the last packet (tshark ends with a statistics
          // block) is a valid shorter file; any other cut loses a packet.
          assertThat(n).isLessThanOrEqualTo(5);
          if (name.endsWith(".pcap")) {
            assertThat(n).isLessThan(5);
          }
        } catch (PcapFormatException e) {
          assertThat(e.getMessage()).startsWith(name + "[0.." + cut + ")").contains("offset");
          assertThat(e.offset()).isBetween(-1L, (long) cut);
        }
      }
    }
  }

  @Test
  void truncatedRecordNamesTheRecordOffset() throws IOException {
    byte[] full = resource("tcpdump-lo-udp.pcap");
    byte[] part = Arrays.copyOf(full, 24 + 16 + 20); // header + first record header + 20 of 51 bytes
    assertThatThrownBy(() -> readAll("cut.pcap", part))
        .isInstanceOf(PcapFormatException.class)
        .hasMessageContaining("cut.pcap: at byte offset 40")
        .hasMessageContaining("file ends inside packet data of record starting at 24");
  }

  @Test
  void absurdCapturedLengthIsRejected() throws IOException {
    byte[] full = resource("tcpdump-lo-udp.pcap");
    full[24 + 8 + 3] = 0x7f; // incl_len of the first record, little-endian high byte
    assertThatThrownBy(() -> readAll("big.pcap", full))
        .isInstanceOf(PcapFormatException.class)
        .hasMessageContaining("offset 24")
        .hasMessageContaining("captured length");
  }

  @Test
  void corruptPcapngBlockLengthIsRejected() throws IOException {
    byte[] full = resource("tshark-lo-udp.pcapng");
    int shbLen = (full[4] & 0xff) | (full[5] & 0xff) << 8;
    full[shbLen + 4] = 3; // the next block's length: not a multiple of 4
    assertThatThrownBy(() -> readAll("bad.pcapng", full))
        .isInstanceOf(PcapFormatException.class)
        .hasMessageContaining("bad.pcapng")
        .hasMessageContaining("bad block length");
  }

  @Test
  void randomBytesAndBitFlipsNeverEscapeAsAnythingButFormatErrors() throws IOException {
    SplittableRandom rnd = new SplittableRandom(42);
    byte[][] seeds = {resource("tcpdump-lo-udp.pcap"), resource("tshark-lo-udp.pcapng"),
        resource("tcpdump-lo-udp-nano.pcap")};
    for (int round = 0; round < 3000; round++) {
      byte[] b = seeds[round % 3].clone();
      int flips = 1 + rnd.nextInt(8);
      for (int f = 0; f < flips; f++) {
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
      try {
        readAll("fuzz-" + round, b);
      } catch (PcapFormatException expected) {
        assertThat(expected.getMessage()).startsWith("fuzz-" + round);
      }
    }
  }
}
