package dev.custody.netfn.packet;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Big-endian (network order) field access on a segment. Stateless; thread-safe. */
public final class Bytes {
  static final ValueLayout.OfShort BE_SHORT =
      ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
  static final ValueLayout.OfInt BE_INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

  private Bytes() {}

  public static int u8(MemorySegment s, long off) {
    return s.get(ValueLayout.JAVA_BYTE, off) & 0xff;
  }

  public static void u8(MemorySegment s, long off, int v) {
    s.set(ValueLayout.JAVA_BYTE, off, (byte) v);
  }

  public static int u16(MemorySegment s, long off) {
    return s.get(BE_SHORT, off) & 0xffff;
  }

  public static void u16(MemorySegment s, long off, int v) {
    s.set(BE_SHORT, off, (short) v);
  }

  public static int i32(MemorySegment s, long off) {
    return s.get(BE_INT, off);
  }

  public static void i32(MemorySegment s, long off, int v) {
    s.set(BE_INT, off, v);
  }
}
