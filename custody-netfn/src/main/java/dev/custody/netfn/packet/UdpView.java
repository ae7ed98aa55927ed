package dev.custody.netfn.packet;

import java.lang.foreign.MemorySegment;

/** A reusable flyweight over a UDP header. Not thread-safe. */
public final class UdpView {
  public static final int HEADER_LENGTH = 8;

  private MemorySegment seg;
  private int off;

  /** Points the view at a UDP header; false if fewer than 8 bytes are available. */
  public boolean wrap(MemorySegment segment, int offset, int available) {
    this.seg = segment;
    this.off = offset;
    return available >= HEADER_LENGTH;
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

  public int length() {
    return Bytes.u16(seg, off + 4);
  }

  public void setLength(int len) {
    Bytes.u16(seg, off + 4, len);
  }

  public int checksum() {
    return Bytes.u16(seg, off + 6);
  }

  public void setChecksum(int c) {
    Bytes.u16(seg, off + 6, c);
  }
}
