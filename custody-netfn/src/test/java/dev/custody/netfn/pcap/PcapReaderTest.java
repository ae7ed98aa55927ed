package dev.custody.netfn.pcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.netfn.packet.FlowParser;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The reader against files written by real capture tools (tcpdump 4.99 and tshark, captured on
 * Linux loopback: five UDP datagrams "custody-i" repeated i+1 times, sent to 127.0.0.1), and
 * against hand-built files in the byte orders and block types those tools did not produce here.
 */
class PcapReaderTest {
  private static PcapReader resource(String name) throws IOException {
    InputStream in = PcapReaderTest.class.getResourceAsStream("/pcap/" + name);
    assertThat(in).as(name).isNotNull();
    return new PcapReader(name, in);
  }

  /** Checks the five loopback datagrams of the shipped captures. */
  static void assertLoopbackCapture(PcapReader r, int dstPort) throws IOException {
    try (PacketPool pool = new PacketPool("r", 16); PacketBatch batch = PacketBatch.create(pool, 16)) {
      assertThat(r.readInto(batch)).isEqualTo(5);
      assertThat(r.readInto(batch)).isZero();
      assertThat(r.linkType()).isEqualTo(PcapReader.LINKTYPE_ETHERNET);
      FlowParser p = new FlowParser();
      long prevTs = 0;
      for (int i = 0; i < 5; i++) {
        assertThat(p.parse(batch, i)).isNull();
        assertThat(p.srcIp()).isEqualTo(0x7f000001);
        assertThat(p.dstIp()).isEqualTo(0x7f000001);
        assertThat(p.dstPort()).isEqualTo(dstPort);
        assertThat(p.protocol()).isEqualTo(17);
        assertThat(p.ipv4().checksumValid()).isTrue();
        String expected = ("custody-" + i).repeat(i + 1);
        assertThat(batch.length(i)).isEqualTo(14 + 20 + 8 + expected.length());
        byte[] payload = new byte[expected.length()];
        java.lang.foreign.MemorySegment.copy(batch.segment(i), ValueLayout.JAVA_BYTE, 42, payload, 0,
            payload.length);
        assertThat(new String(payload, StandardCharsets.US_ASCII)).isEqualTo(expected);
        long ts = batch.timestampNanos(i);
        assertThat(ts).isGreaterThan(1_700_000_000_000_000_000L);
        assertThat(ts).isGreaterThan(prevTs);
        prevTs = ts;
      }
    }
  }

  @Test
  void tcpdumpMicrosecondPcap() throws IOException {
    try (PcapReader r = resource("tcpdump-lo-udp.pcap")) {
      assertThat(r.format()).isEqualTo(PcapReader.Format.PCAP);
      assertThat(r.nanosecondTimestamps()).isFalse();
      assertThat(r.bigEndian()).isFalse();
      assertLoopbackCapture(r, 47001);
    }
  }

  @Test
  void tcpdumpNanosecondPcap() throws IOException {
    try (PcapReader r = resource("tcpdump-lo-udp-nano.pcap")) {
      assertThat(r.nanosecondTimestamps()).isTrue();
      assertLoopbackCapture(r, 47002);
    }
  }

  @Test
  void tsharkPcapng() throws IOException {
    try (PcapReader r = resource("tshark-lo-udp.pcapng")) {
      assertThat(r.format()).isEqualTo(PcapReader.Format.PCAPNG);
      assertLoopbackCapture(r, 47003);
    }
  }

  @Test
  void bigEndianClassicWithBothTimestampResolutions() throws IOException {
    byte[][] pkts = {frame(60, 1), frame(70, 2)};
    long[] ts = {1_700_000_000_123_456_789L, 1_700_000_001_000_000_001L};
    for (boolean nanos : new boolean[] {false, true}) {
      for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
        byte[] file = PcapFiles.classic(order, nanos, pkts, ts);
        try (PcapReader r = new PcapReader("mem", new ByteArrayInputStream(file));
            PacketPool pool = new PacketPool("p", 4);
            PacketBatch b = PacketBatch.create(pool, 4)) {
          assertThat(r.bigEndian()).isEqualTo(order == ByteOrder.BIG_ENDIAN);
          assertThat(r.readInto(b)).isEqualTo(2);
          assertThat(b.length(1)).isEqualTo(70);
          assertThat(b.segment(1).get(ValueLayout.JAVA_BYTE, 69)).isEqualTo((byte) 2);
          long expect0 = nanos ? ts[0] : ts[0] / 1000 * 1000;
          assertThat(b.timestampNanos(0)).isEqualTo(expect0);
        }
      }
    }
  }

  @Test
  void pcapngBothByteOrdersWithSpbUnknownBlocksAndTwoSections() throws IOException {
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      ByteOrder other = order == ByteOrder.BIG_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
      byte[] file = PcapFiles.concat(
          PcapFiles.shb(order),
          PcapFiles.idb(order, 1, 65535, true),
          PcapFiles.block(order, 4, new byte[] {0, 0, 0, 0}), // name resolution block: skipped
          PcapFiles.epb(order, 0, 1_700_000_000_000_000_005L, frame(61, 7)),
          PcapFiles.spb(order, frame(62, 8)),
          // A second section in the other byte order, microsecond interface.
          PcapFiles.shb(other),
          PcapFiles.idb(other, 1, 65535, false),
          PcapFiles.epb(other, 0, 1_700_000_000_000_003L, frame(63, 9)));
      try (PcapReader r = new PcapReader("ng", new ByteArrayInputStream(file));
          PacketPool pool = new PacketPool("p", 4);
          PacketBatch b = PacketBatch.create(pool, 4)) {
        assertThat(r.readInto(b)).isEqualTo(3);
        assertThat(b.length(0)).isEqualTo(61);
        assertThat(b.timestampNanos(0)).isEqualTo(1_700_000_000_000_000_005L);
        assertThat(b.length(1)).isEqualTo(62);
        assertThat(b.segment(1).get(ValueLayout.JAVA_BYTE, 61)).isEqualTo((byte) 8);
        assertThat(b.length(2)).isEqualTo(63);
        assertThat(b.timestampNanos(2)).isEqualTo(1_700_000_000_000_003_000L);
        assertThat(r.bigEndian()).isEqualTo(other == ByteOrder.BIG_ENDIAN);
      }
    }
  }

  @Test
  void oversizePacketIsTruncatedToBufferAndCounted() throws IOException {
    byte[] file = PcapFiles.classic(ByteOrder.LITTLE_ENDIAN, false, new byte[][] {frame(300, 1)},
        new long[] {0});
    try (PcapReader r = new PcapReader("big", new ByteArrayInputStream(file));
        PacketPool pool = new PacketPool("p", 2, 128);
        PacketBatch b = PacketBatch.create(pool, 2)) {
      assertThat(r.readInto(b)).isEqualTo(1);
      assertThat(b.length(0)).isEqualTo(128);
      assertThat(r.truncatedPackets()).isEqualTo(1);
    }
  }

  @Test
  void liveCaptureWithTcpdumpWhenAvailable() throws Exception {
    LiveCapture.assumeTool("tcpdump");
    Path dir = Files.createTempDirectory("custody-cap");
    Path file = dir.resolve("live.pcap");
    int port = LiveCapture.freeUdpPort();
    LiveCapture.capture(java.util.List.of("tcpdump", "-i", "lo", "-U", "-c", "5", "-w",
        file.toString(), "udp", "and", "port", String.valueOf(port)), "listening on", port, file);
    try (PcapReader r = PcapReader.open(file)) {
      assertLoopbackCapture(r, port);
    }
  }

  @Test
  void liveCaptureWithTsharkWhenAvailable() throws Exception {
    LiveCapture.assumeTool("tshark");
    Path dir = Files.createTempDirectory("custody-cap");
    Path file = dir.resolve("live.pcapng");
    int port = LiveCapture.freeUdpPort();
    LiveCapture.capture(java.util.List.of("tshark", "-i", "lo", "-c", "5", "-F", "pcapng", "-w",
        file.toString(), "-f", "udp port " + port), "Capturing on", port, file);
    try (PcapReader r = PcapReader.open(file)) {
      assertThat(r.format()).isEqualTo(PcapReader.Format.PCAPNG);
      assertLoopbackCapture(r, port);
    }
  }

  @Test
  void garbageIsRejectedNamingFileAndOffset() {
    assertThatThrownBy(() -> new PcapReader("junk.bin", new ByteArrayInputStream("hello world".getBytes())))
        .isInstanceOf(PcapFormatException.class)
        .hasMessageContaining("junk.bin")
        .hasMessageContaining("offset 0")
        .hasMessageContaining("not a pcap");
    assertThatThrownBy(() -> new PcapReader("empty", new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(PcapFormatException.class).hasMessageContaining("empty");
  }

  static byte[] frame(int len, int fill) {
    byte[] f = new byte[len];
    java.util.Arrays.fill(f, (byte) fill);
    return f;
  }
}
