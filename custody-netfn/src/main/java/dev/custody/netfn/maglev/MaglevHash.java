package dev.custody.netfn.maglev;

import java.nio.charset.StandardCharsets;

/**
 * The hash functions Maglev needs: two independent hashes of a backend name (for its offset and
 * skip) and a flow hash over the IPv4 5-tuple. Stateless, thread-safe, allocation-free on the
 * flow path.
 */
public final class MaglevHash {
  private MaglevHash() {}

  /** FNV-1a, 64-bit, of the name's UTF-8 bytes: the offset hash. */
  public static long h1(String name) {
    long h = 0xcbf29ce484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /**
   * A different hash of the same bytes, for the skip: a multiply-xorshift accumulation with a
   * different seed, finished with MurmurHash3's fmix64, so it is independent of {@link #h1}.
   */
  public static long h2(String name) {
    long h = 0x9e3779b97f4a7c15L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0xbf58476d1ce4e5b9L;
      h ^= h >>> 31;
    }
    return fmix64(h);
  }

  /** Flow hash over the 5-tuple. */
  public static long flow(int srcIp, int dstIp, int srcPort, int dstPort, int protocol) {
    long a = ((long) srcIp << 32) | (dstIp & 0xffffffffL);
    long b = ((long) (srcPort & 0xffff) << 24) | ((long) (dstPort & 0xffff) << 8) | (protocol & 0xff);
    return fmix64(a * 0xc2b2ae3d27d4eb4fL + fmix64(b ^ 0x165667b19e3779f9L));
  }

  /** MurmurHash3's 64-bit finaliser. */
  public static long fmix64(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
