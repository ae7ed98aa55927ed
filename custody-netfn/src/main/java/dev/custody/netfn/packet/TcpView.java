package dev.custody.netfn.packet;

import java.lang.foreign.MemorySegment;

/** A reusable flyweight over a TCP header. Not thread-safe. */
public final class TcpView {
  public static final int MIN_HEADER_LENGTH = 20;
  public static final int FLAG_FIN = 0x01;
  public static final int FLAG_SYN = 0x02;
  public static final int FLAG_RST = 0x04;
  public static final int FLAG_ACK = 0x10;

  private MemorySegment seg;
  private int off;

  /**
   * Points the view at a TCP header; false if fewer than 20 bytes are available or the data
   * offset claims more header than there is.
   */
  public boolean wrap(MemorySegment segment, int offset, int available) {
    this.seg = segment;
    this.off = offset;
    if (available < MIN_HEADER_LENGTH) {
      return false;
    }
    int hl = headerLength();
    return hl >= MIN_HEADER_LENGTH && hl <= available;
  }

  public int sourcePort() {
    return Bytes.u16(seg, off);
  }

  public int destinationPort() {
    return Bytes.u16(seg, off + 2);
  }

  public void setSourcePort(int p) {
    Bytes.u16(seg, off, p);
  }

  public void setDestinationPort(int p) {
    Bytes.u16(seg, off + 2, p);
  }

  public int sequence() {
    return Bytes.i32(seg, off + 4);
  }

  public int acknowledgement() {
    return Bytes.i32(seg, off + 8);
  }

  public int headerLength() {
    return (Bytes.u8(seg, off + 12) >>> 4) * 4;
  }

  public int flags() {
    return Bytes.u8(seg, off + 13);
  }

  public int checksum() {
    return Bytes.u16(seg, off + 16);
  }
}
