package dev.custody.netfn.maglev;

import java.util.Arrays;

/**
 * Maglev's connection tracking table: 5-tuple → backend id, so a flow stays on its backend when
 * the lookup table changes. Open addressing with linear probing over primitive arrays: no
 * allocation per packet. When it reaches its capacity it is flushed (counted in {@link
 * #flushes()}); Maglev's own table is likewise a bounded cache, with consistent hashing as the
 * fallback.
 *
 * <p>Not thread-safe: one table per stage (Maglev shards it per thread too).
 */
public final class ConnectionTable {
  private final long[] keyA;
  private final long[] keyB;
  private final int[] value;
  private final int mask;
  private final int maxEntries;
  private int size;
  private long flushes;

  /** A table for up to {@code maxEntries} flows. */
  public ConnectionTable(int maxEntries) {
    if (maxEntries < 1 || maxEntries > (1 << 28)) {
      throw new IllegalArgumentException("connection table size must be in 1..2^28, got " + maxEntries);
    }
    int cap = Integer.highestOneBit(Math.max(2, maxEntries * 2 - 1)) << 1;
    keyA = new long[cap];
    keyB = new long[cap];
    value = new int[cap];
    Arrays.fill(value, -1);
    mask = cap - 1;
    this.maxEntries = maxEntries;
  }

  static long keyA(int srcIp, int dstIp) {
    return ((long) srcIp << 32) | (dstIp & 0xffffffffL);
  }

  static long keyB(int srcPort, int dstPort, int protocol) {
    return ((long) (srcPort & 0xffff) << 24) | ((long) (dstPort & 0xffff) << 8) | (protocol & 0xff);
  }

  /** The backend id recorded for the flow, or -1. */
  public int get(long hash, int srcIp, int dstIp, int srcPort, int dstPort, int protocol) {
    long a = keyA(srcIp, dstIp);
    long b = keyB(srcPort, dstPort, protocol);
    for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
      int v = value[i];
      if (v < 0) {
        return -1;
      }
      if (keyA[i] == a && keyB[i] == b) {
        return v;
      }
    }
  }

  /** Records (or replaces) the flow's backend. */
  public void put(long hash, int srcIp, int dstIp, int srcPort, int dstPort, int protocol, int id) {
    if (size >= maxEntries) {
      clear();
      flushes++;
    }
    long a = keyA(srcIp, dstIp);
    long b = keyB(srcPort, dstPort, protocol);
    for (int i = (int) hash & mask; ; i = (i + 1) & mask) {
      int v = value[i];
      if (v < 0) {
        keyA[i] = a;
        keyB[i] = b;
        value[i] = id;
        size++;
        return;
      }
      if (keyA[i] == a && keyB[i] == b) {
        value[i] = id;
        return;
      }
    }
  }

  /**
   * Forgets every flow on backend {@code id}; returns how many. Rebuilds the probe chains, so
   * lookups stay correct.
   */
  public int removeBackend(int id) {
    long[] oa = keyA.clone();
    long[] ob = keyB.clone();
    int[] ov = value.clone();
    Arrays.fill(value, -1);
    size = 0;
    int removed = 0;
    for (int i = 0; i < ov.length; i++) {
      if (ov[i] < 0) {
        continue;
      }
      if (ov[i] == id) {
        removed++;
        continue;
      }
      long a = oa[i];
      long b = ob[i];
      long h = MaglevHash.flow((int) (a >>> 32), (int) a, (int) (b >>> 24) & 0xffff,
          (int) (b >>> 8) & 0xffff, (int) b & 0xff);
      put(h, (int) (a >>> 32), (int) a, (int) (b >>> 24) & 0xffff, (int) (b >>> 8) & 0xffff,
          (int) b & 0xff, ov[i]);
    }
    return removed;
  }

  public void clear() {
    Arrays.fill(value, -1);
    size = 0;
  }

  public int size() {
    return size;
  }

  public long flushes() {
    return flushes;
  }
}
