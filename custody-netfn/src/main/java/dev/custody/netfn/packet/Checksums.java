package dev.custody.netfn.packet;

import java.lang.foreign.MemorySegment;

/**
 * Internet checksums (RFC 1071) and their incremental update (RFC 1624). Stateless; thread-safe.
 */
public final class Checksums {
  private Checksums() {}

  /** The one's-complement sum of {@code len} bytes from {@code off}, not yet folded or negated. */
  public static long sum(MemorySegment s, long off, int len) {
    long sum = 0;
    int i = 0;
    for (; i + 1 < len; i += 2) {
      sum += Bytes.u16(s, off + i);
    }
    if (i < len) {
      sum += Bytes.u8(s, off + i) << 8;
    }
    return sum;
  }

  /** Folds a sum to 16 bits and complements it: the value to store in a checksum field. */
  public static int finish(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }

  /** The checksum of {@code len} bytes (checksum field included as it stands). */
  public static int checksum(MemorySegment s, long off, int len) {
    return finish(sum(s, off, len));
  }

  /**
   * RFC 1624 eqn. 3: the new checksum after a 16-bit word of the covered data changes from {@code
   * oldWord} to {@code newWord}: HC' = ~(~HC + ~m + m').
   */
  public static int update(int oldChecksum, int oldWord, int newWord) {
    long sum = (~oldChecksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }
}
