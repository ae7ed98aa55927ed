package dev.custody.netfn.pcap;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.PacketBatch;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads packets from a classic pcap file (either byte order, microsecond or nanosecond
 * timestamps) or a pcapng file (SHB, IDB, EPB, SPB blocks, either byte order; other blocks are
 * skipped), detected from the first four bytes.
 *
 * <p>Tested against files written by tcpdump and tshark. Only the link types of the interfaces
 * matter to callers: {@link #linkType()} reports that of the last packet read.
 *
 * <p><b>Thread safety.</b> None; one reader per thread.
 *
 * <p><b>Failure behaviour.</b> Anything malformed (unknown magic, a record or block cut short, a
 * length that cannot be, an EPB naming an interface never described) throws {@link
 * PcapFormatException} naming the file and the byte offset of the bad structure; packets read
 * before it stay valid. A packet longer than the buffers of the batch's pool is truncated to the
 * buffer size and counted in {@link #truncatedPackets()}.
 */
public final class PcapReader implements AutoCloseable {
  /** Largest captured length accepted (as libpcap's MAXIMUM_SNAPLEN). */
  public static final int MAX_CAPTURE = 262_144;
  public static final int LINKTYPE_ETHERNET = 1;

  static final int PCAP_MAGIC_US = 0xa1b2c3d4;
  static final int PCAP_MAGIC_NS = 0xa1b23c4d;
  static final int PCAPNG_SHB = 0x0A0D0D0A;
  static final int PCAPNG_BOM = 0x1A2B3C4D;
  static final int BLOCK_IDB = 1;
  static final int BLOCK_SPB = 3;
  static final int BLOCK_EPB = 6;

  /** The file's format. */
  public enum Format { PCAP, PCAPNG }

  private final String name;
  private final InputStream in;
  private final byte[] hdr = new byte[32];
  private byte[] data = new byte[4096];
  private final Format format;
  private long offset;
  private boolean bigEndian;
  // classic pcap
  private boolean nanos;
  private int classicLinkType;
  // pcapng: per interface of the current section
  private int[] ifLinkType = new int[4];
  private long[] ifTsUnitsPerSec = new long[4];
  private int[] ifSnapLen = new int[4];
  private int interfaces;
  private int linkType;
  private long packets;
  private long truncated;
  // the packet just read, before it is copied into a batch
  private int capLen;
  private int origLen;
  private long tsNanos;

  /** Opens {@code file} and reads its file header (or pcapng section header). */
  public static PcapReader open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      return new PcapReader(file.toString(), in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads from {@code in}, naming it {@code name} in errors. */
  public PcapReader(String name, InputStream in) throws IOException {
    this.name = name;
    this.in = in;
    if (!readFully(hdr, 0, 4, true)) {
      throw new PcapFormatException(name, 0, "empty file: no pcap or pcapng header");
    }
    int magicBe = beInt(hdr, 0);
    int magicLe = Integer.reverseBytes(magicBe);
    if (magicBe == PCAPNG_SHB) {
      format = Format.PCAPNG;
      readSectionHeader(0);
    } else if (magicBe == PCAP_MAGIC_US || magicBe == PCAP_MAGIC_NS) {
      format = Format.PCAP;
      bigEndian = true;
      nanos = magicBe == PCAP_MAGIC_NS;
      readClassicHeader();
    } else if (magicLe == PCAP_MAGIC_US || magicLe == PCAP_MAGIC_NS) {
      format = Format.PCAP;
      bigEndian = false;
      nanos = magicLe == PCAP_MAGIC_NS;
      readClassicHeader();
    } else {
      throw new PcapFormatException(
          name, 0, String.format("not a pcap or pcapng file (magic 0x%08x)", magicBe));
    }
  }

  private void readClassicHeader() throws IOException {
    need(hdr, 4, 20, "pcap file header");
    int major = u16(hdr, 4);
    if (major != 2) {
      throw new PcapFormatException(name, 4, "unsupported pcap version " + major + "." + u16(hdr, 6));
    }
    classicLinkType = i32(hdr, 20) & 0x0fffffff;
    linkType = classicLinkType;
  }

  /** Reads an SHB whose type field (4 bytes) was already consumed, starting at {@code start}. */
  private void readSectionHeader(long start) throws IOException {
    need(hdr, 0, 8, "pcapng section header block");
    readSectionHeaderAfterLength(start);
  }

  public Format format() {
    return format;
  }

  /** Link type of the last packet read (or of the file, for classic pcap). */
  public int linkType() {
    return linkType;
  }

  /** True if classic pcap timestamps are in nanoseconds. */
  public boolean nanosecondTimestamps() {
    return nanos;
  }

  public boolean bigEndian() {
    return bigEndian;
  }

  public long packetsRead() {
    return packets;
  }

  /** Packets cut to the buffer size because they were larger. */
  public long truncatedPackets() {
    return truncated;
  }

  /**
   * Reads packets into {@code batch} until it is full or the file ends; returns how many were
   * added (0 at end of file). Stops early, without error, if the pool has no free buffer.
   */
  public int readInto(@Borrowed PacketBatch batch) throws IOException {
    int added = 0;
    while (!batch.isFull()) {
      if (!nextPacket()) {
        break;
      }
      int bufSize = batch.pool().bufferSize();
      int len = Math.min(capLen, bufSize);
      if (len < capLen) {
        truncated++;
      }
      int i = batch.append(len);
      if (i < 0) {
        pending = true;
        break;
      }
      MemorySegment.copy(data, 0, batch.segment(i), java.lang.foreign.ValueLayout.JAVA_BYTE, 0, len);
      batch.setTimestampNanos(i, tsNanos);
      added++;
    }
    return added;
  }

  private boolean pending;

  /** Reads the next packet into the internal buffer; false at a clean end of file. */
  private boolean nextPacket() throws IOException {
    if (pending) {
      pending = false;
      return true;
    }
    boolean got = format == Format.PCAP ? nextClassic() : nextPcapng();
    if (got) {
      packets++;
    }
    return got;
  }

  private boolean nextClassic() throws IOException {
    long start = offset;
    if (!readFully(hdr, 0, 16, true)) {
      return false;
    }
    long sec = i32(hdr, 0) & 0xffffffffL;
    long frac = i32(hdr, 4) & 0xffffffffL;
    int incl = i32(hdr, 8);
    int orig = i32(hdr, 12);
    if (incl < 0 || incl > MAX_CAPTURE) {
      throw new PcapFormatException(
          name, start, "record header claims captured length " + (incl & 0xffffffffL));
    }
    readData(incl, start, "packet data of record");
    capLen = incl;
    origLen = orig;
    tsNanos = sec * 1_000_000_000L + (nanos ? frac : frac * 1000);
    linkType = classicLinkType;
    return true;
  }

  private boolean nextPcapng() throws IOException {
    while (true) {
      long start = offset;
      if (!readFully(hdr, 0, 8, true)) {
        return false;
      }
      int type = i32(hdr, 0);
      if (beInt(hdr, 0) == PCAPNG_SHB) {
        // A new section: its own byte order; re-read the length with it.
        System.arraycopy(hdr, 4, hdr, 0, 4);
        need(hdr, 4, 4, "pcapng section header block");
        readSectionHeaderAfterLength(start);
        continue;
      }
      long total = i32(hdr, 4) & 0xffffffffL;
      switch (type) {
        case BLOCK_IDB -> readIdb(start, total);
        case BLOCK_EPB -> {
          readEpb(start, total);
          return true;
        }
        case BLOCK_SPB -> {
          readSpb(start, total);
          return true;
        }
        default -> {
          checkBlockLength(start, total, 12);
          skip(total - 12, start, "block body");
          readTrailerChecked(start, total);
        }
      }
    }
  }

  /** SHB after type and length were read into hdr[0..8) as length, bom. */
  private void readSectionHeaderAfterLength(long start) throws IOException {
    int bomBe = beInt(hdr, 4);
    if (bomBe == PCAPNG_BOM) {
      bigEndian = true;
    } else if (Integer.reverseBytes(bomBe) == PCAPNG_BOM) {
      bigEndian = false;
    } else {
      throw new PcapFormatException(
          name, start + 8, String.format("bad pcapng byte-order magic 0x%08x", bomBe));
    }
    long total = i32(hdr, 0) & 0xffffffffL;
    checkBlockLength(start, total, 28);
    skip(total - 16, start, "section header body");
    readTrailerChecked(start, total);
    interfaces = 0;
  }

  private void readIdb(long start, long total) throws IOException {
    checkBlockLength(start, total, 20);
    need(hdr, 0, 8, "interface description block");
    int lt = u16(hdr, 0);
    int snap = i32(hdr, 4);
    long units = 1_000_000L;
    long optLen = total - 20;
    readData((int) optLen, start, "interface description options");
    // Options: code(2) len(2) value padded to 4; if_tsresol = 9.
    int p = 0;
    while (p + 4 <= optLen) {
      int code = u16(data, p);
      int len = u16(data, p + 2);
      if (code == 0) {
        break;
      }
      if (p + 4 + len > optLen) {
        throw new PcapFormatException(name, start + 16 + p, "interface option runs past its block");
      }
      if (code == 9 && len >= 1) {
        int r = data[p + 4] & 0xff;
        int exp = r & 0x7f;
        if ((r & 0x80) == 0) {
          units = exp > 18 ? Long.MAX_VALUE : pow(10, exp);
        } else {
          units = exp > 62 ? Long.MAX_VALUE : 1L << exp;
        }
      }
      p += 4 + ((len + 3) & ~3);
    }
    readTrailerChecked(start, total);
    if (interfaces == ifLinkType.length) {
      ifLinkType = java.util.Arrays.copyOf(ifLinkType, interfaces * 2);
      ifTsUnitsPerSec = java.util.Arrays.copyOf(ifTsUnitsPerSec, interfaces * 2);
      ifSnapLen = java.util.Arrays.copyOf(ifSnapLen, interfaces * 2);
    }
    ifLinkType[interfaces] = lt;
    ifTsUnitsPerSec[interfaces] = units;
    ifSnapLen[interfaces] = snap;
    interfaces++;
  }

  private static long pow(long b, int e) {
    long r = 1;
    for (int i = 0; i < e; i++) {
      r *= b;
    }
    return r;
  }

  private void readEpb(long start, long total) throws IOException {
    checkBlockLength(start, total, 32);
    need(hdr, 0, 20, "enhanced packet block");
    int ifId = i32(hdr, 0);
    if (ifId < 0 || ifId >= interfaces) {
      throw new PcapFormatException(
          name, start + 8, "enhanced packet block names interface " + ifId + " but "
              + interfaces + " were described");
    }
    long ts = ((i32(hdr, 4) & 0xffffffffL) << 32) | (i32(hdr, 8) & 0xffffffffL);
    int cap = i32(hdr, 12);
    int orig = i32(hdr, 16);
    long padded = ((cap & 0xffffffffL) + 3) & ~3L;
    if (cap < 0 || cap > MAX_CAPTURE || 32 + padded > total) {
      throw new PcapFormatException(
          name, start + 20, "captured length " + (cap & 0xffffffffL)
              + " does not fit block of " + total + " bytes");
    }
    readData(cap, start, "packet data of enhanced packet block");
    skip(total - 32 - cap, start, "packet padding and options");
    readTrailerChecked(start, total);
    capLen = cap;
    origLen = orig;
    tsNanos = toNanos(ts, ifTsUnitsPerSec[ifId]);
    linkType = ifLinkType[ifId];
  }

  private void readSpb(long start, long total) throws IOException {
    checkBlockLength(start, total, 16);
    if (interfaces == 0) {
      throw new PcapFormatException(name, start, "simple packet block before any interface");
    }
    need(hdr, 0, 4, "simple packet block");
    int orig = i32(hdr, 0);
    long room = total - 16;
    long cap = Math.min(orig & 0xffffffffL, room);
    if (ifSnapLen[0] > 0) {
      cap = Math.min(cap, ifSnapLen[0] & 0xffffffffL);
    }
    if (cap > MAX_CAPTURE) {
      throw new PcapFormatException(name, start + 8, "simple packet length " + cap + " too large");
    }
    readData((int) cap, start, "packet data of simple packet block");
    skip(room - cap, start, "packet padding");
    readTrailerChecked(start, total);
    capLen = (int) cap;
    origLen = orig;
    tsNanos = 0;
    linkType = ifLinkType[0];
  }

  private static long toNanos(long ts, long unitsPerSec) {
    if (unitsPerSec == 1_000_000_000L) {
      return ts;
    }
    if (unitsPerSec == 1_000_000L) {
      return ts * 1000;
    }
    long sec = ts / unitsPerSec;
    long rem = ts % unitsPerSec;
    return sec * 1_000_000_000L + (long) (rem * (1e9 / unitsPerSec));
  }

  private void checkBlockLength(long start, long total, int min) throws PcapFormatException {
    if (total < min || (total & 3) != 0 || total > MAX_CAPTURE + 1024) {
      throw new PcapFormatException(name, start + 4, "bad block length " + total);
    }
  }

  private void readTrailerChecked(long start, long total) throws IOException {
    int trailer = readTrailer(start);
    if ((trailer & 0xffffffffL) != total) {
      throw new PcapFormatException(
          name, offset - 4, "block length trailer " + (trailer & 0xffffffffL) + " != header " + total);
    }
  }

  private int readTrailer(long start) throws IOException {
    need(hdr, 0, 4, "block length trailer");
    return i32(hdr, 0);
  }

  private void readData(int len, long start, String what) throws IOException {
    if (data.length < len) {
      data = new byte[Math.max(len, data.length * 2)];
    }
    long at = offset;
    if (!readFully(data, 0, len, false)) {
      throw new PcapFormatException(name, at, "file ends inside " + what + " starting at " + start);
    }
  }

  private void need(byte[] b, int off, int len, String what) throws IOException {
    long at = offset;
    if (!readFully(b, off, len, false)) {
      throw new PcapFormatException(name, at, "file ends inside " + what);
    }
  }

  private void skip(long n, long start, String what) throws IOException {
    long at = offset;
    long left = n;
    while (left > 0) {
      long s = in.skip(left);
      if (s <= 0) {
        if (in.read() < 0) {
          throw new PcapFormatException(name, at, "file ends inside " + what + " of block at " + start);
        }
        s = 1;
      }
      left -= s;
      offset += s;
    }
  }

  /** Reads exactly len bytes; false on EOF before any byte if eofOk, or on a short read. */
  private boolean readFully(byte[] b, int off, int len, boolean eofOk) throws IOException {
    int n = 0;
    while (n < len) {
      int r = in.read(b, off + n, len - n);
      if (r < 0) {
        if (n == 0 && eofOk) {
          return false;
        }
        if (eofOk) {
          throw new PcapFormatException(name, offset, "file ends inside a record header ("
              + n + " of " + len + " bytes)");
        }
        offset += n;
        return false;
      }
      n += r;
    }
    offset += len;
    return true;
  }

  private int i32(byte[] b, int off) {
    int v = beInt(b, off);
    return bigEndian ? v : Integer.reverseBytes(v);
  }

  private int u16(byte[] b, int off) {
    int v = ((b[off] & 0xff) << 8) | (b[off + 1] & 0xff);
    return bigEndian ? v : Integer.reverseBytes(v) >>> 16;
  }

  private static int beInt(byte[] b, int off) {
    return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
        | (b[off + 3] & 0xff);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
