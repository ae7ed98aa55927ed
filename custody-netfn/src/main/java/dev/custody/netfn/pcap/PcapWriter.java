package dev.custody.netfn.pcap;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.PacketBatch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes classic pcap (little-endian, nanosecond timestamps, link type Ethernet), which tcpdump,
 * tshark and {@link PcapReader} read.
 *
 * <p>Not thread-safe. I/O errors propagate as {@link IOException}; the file is complete up to the
 * last {@link #write} that returned.
 */
public final class PcapWriter implements AutoCloseable {
  private final OutputStream out;
  private final byte[] hdr = new byte[24];
  private byte[] data = new byte[2048];
  private long written;

  public static PcapWriter create(Path file) throws IOException {
    return new PcapWriter(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
  }

  public PcapWriter(OutputStream out) throws IOException {
    this.out = out;
    le32(hdr, 0, PcapReader.PCAP_MAGIC_NS);
    le16(hdr, 4, 2);
    le16(hdr, 6, 4);
    le32(hdr, 8, 0);
    le32(hdr, 12, 0);
    le32(hdr, 16, 65535);
    le32(hdr, 20, PcapReader.LINKTYPE_ETHERNET);
    out.write(hdr, 0, 24);
  }

  /** Appends every live packet of {@code batch}; the batch is only borrowed. */
  public void write(@Borrowed PacketBatch batch) throws IOException {
    for (int i = 0; i < batch.size(); i++) {
      if (!batch.isDropped(i)) {
        write(batch.segment(i), batch.length(i), batch.timestampNanos(i));
      }
    }
  }

  /** Appends one packet of {@code length} bytes. */
  public void write(MemorySegment seg, int length, long timestampNanos) throws IOException {
    if (data.length < length) {
      data = new byte[length];
    }
    MemorySegment.copy(seg, ValueLayout.JAVA_BYTE, 0, data, 0, length);
    le32(hdr, 0, (int) (timestampNanos / 1_000_000_000L));
    le32(hdr, 4, (int) (timestampNanos % 1_000_000_000L));
    le32(hdr, 8, length);
    le32(hdr, 12, length);
    out.write(hdr, 0, 16);
    out.write(data, 0, length);
    written++;
  }

  public long packetsWritten() {
    return written;
  }

  public void flush() throws IOException {
    out.flush();
  }

  private static void le32(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) (v >>> 16);
    b[off + 3] = (byte) (v >>> 24);
  }

  private static void le16(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
