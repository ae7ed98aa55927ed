package dev.custody.netfn.packet;

import java.lang.foreign.MemorySegment;

/**
 * A reusable flyweight over an IPv4 header. {@link #wrap} validates what a forwarding path must
 * trust before it reads further: version, header length (IHL) and total length against the bytes
 * actually present, and reports the first problem as a {@link DropReason}.
 *
 * <p>Not thread-safe: one view per thread (or per stage).
 */
public final class Ipv4View {
  public static final int MIN_HEADER_LENGTH = 20;
  public static final int PROTO_TCP = 6;
  public static final int PROTO_UDP = 17;

  private MemorySegment seg;
  private int off;

  /**
   * Points the view at an IPv4 header at {@code offset} with {@code available} bytes from there to
   * the end of the packet; returns null if the header is sound, else why it is not.
   */
  public DropReason wrap(MemorySegment segment, int offset, int available) {
    this.seg = segment;
    this.off = offset;
    if (available < MIN_HEADER_LENGTH) {
      return DropReason.SHORT_PACKET;
    }
    int vihl = Bytes.u8(segment, offset);
    if ((vihl >>> 4) != 4) {
      return DropReason.NOT_IPV4;
    }
    int hl = (vihl & 0xf) * 4;
    if (hl < MIN_HEADER_LENGTH || hl > available) {
      return DropReason.BAD_IHL;
    }
    int total = Bytes.u16(segment, offset + 2);
    if (total < hl || total > available) {
      return DropReason.BAD_TOTAL_LENGTH;
    }
    return null;
  }

  public int offset() {
    return off;
  }

  public int headerLength() {
    return (Bytes.u8(seg, off) & 0xf) * 4;
  }

  public int totalLength() {
    return Bytes.u16(seg, off + 2);
  }

  public int ttl() {
    return Bytes.u8(seg, off + 8);
  }

  public void setTtl(int ttl) {
    Bytes.u8(seg, off + 8, ttl);
  }

  public int protocol() {
    return Bytes.u8(seg, off + 9);
  }

  public int checksum() {
    return Bytes.u16(seg, off + 10);
  }

  public void setChecksum(int c) {
    Bytes.u16(seg, off + 10, c);
  }

  public int source() {
    return Bytes.i32(seg, off + 12);
  }

  public int destination() {
    return Bytes.i32(seg, off + 16);
  }

  public void setSource(int ip) {
    Bytes.i32(seg, off + 12, ip);
  }

  public void setDestination(int ip) {
    Bytes.i32(seg, off + 16, ip);
  }

  /** True if this is the first (or only) fragment, so a transport header follows. */
  public boolean isFirstFragment() {
    return (Bytes.u16(seg, off + 6) & 0x1fff) == 0;
  }

  /** Offset of the transport header. */
  public int payloadOffset() {
    return off + headerLength();
  }

  public int payloadLength() {
    return totalLength() - headerLength();
  }

  /** The header checksum computed from scratch (the checksum field counted as zero). */
  public int computeChecksum() {
    long sum = Checksums.sum(seg, off, headerLength()) - checksum();
    return Checksums.finish(sum);
  }

  public boolean checksumValid() {
    return Checksums.checksum(seg, off, headerLength()) == 0;
  }

  /** Recomputes and stores the header checksum. */
  public void updateChecksum() {
    setChecksum(computeChecksum());
  }

  /**
   * Decrements TTL and patches the checksum incrementally (RFC 1624); returns the new TTL. The
   * caller drops the packet if the result is 0 (or the TTL was already 0, returned as -1).
   */
  public int decrementTtl() {
    int ttl = ttl();
    if (ttl == 0) {
      return -1;
    }
    int oldWord = Bytes.u16(seg, off + 8);
    setTtl(ttl - 1);
    int newWord = Bytes.u16(seg, off + 8);
    setChecksum(Checksums.update(checksum(), oldWord, newWord));
    return ttl - 1;
  }
}
