package dev.custody.netfn.packet;

import java.lang.foreign.MemorySegment;

/**
 * A reusable flyweight over an Ethernet II header at offset 0 of a packet buffer. {@link
 * #wrap(MemorySegment, int)} re-points it, so parsing allocates nothing per packet.
 *
 * <p>Not thread-safe: one view per thread (or per stage).
 */
public final class EthernetView {
  public static final int HEADER_LENGTH = 14;
  public static final int ETHERTYPE_IPV4 = 0x0800;

  private MemorySegment seg;
  private int length;

  /** Points the view at a packet of {@code length} bytes; false if too short for the header. */
  public boolean wrap(MemorySegment segment, int length) {
    this.seg = segment;
    this.length = length;
    return length >= HEADER_LENGTH;
  }

  public int etherType() {
    return Bytes.u16(seg, 12);
  }

  public void setEtherType(int type) {
    Bytes.u16(seg, 12, type);
  }

  /** Destination MAC as the low 48 bits of a long. */
  public long destination() {
    return ((long) Bytes.u16(seg, 0) << 32) | (Bytes.i32(seg, 2) & 0xffffffffL);
  }

  public long source() {
    return ((long) Bytes.u16(seg, 6) << 32) | (Bytes.i32(seg, 8) & 0xffffffffL);
  }

  public void setDestination(long mac) {
    Bytes.u16(seg, 0, (int) (mac >>> 32));
    Bytes.i32(seg, 2, (int) mac);
  }

  public void setSource(long mac) {
    Bytes.u16(seg, 6, (int) (mac >>> 32));
    Bytes.i32(seg, 8, (int) mac);
  }

  /** Swaps source and destination MAC addresses in place. */
  public void swapMacs() {
    long d = destination();
    setDestination(source());
    setSource(d);
  }

  /** Bytes after the Ethernet header. */
  public int payloadLength() {
    return length - HEADER_LENGTH;
  }
}
