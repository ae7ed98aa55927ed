package dev.custody.netfn.maglev;

import java.util.List;

/**
 * Maglev's consistent-hashing lookup table (Eisenbud et al., NSDI'16, §3.4, Pseudocode 1).
 *
 * <p>Each backend {@code i} has a preference list, the permutation {@code permutation[i][j] =
 * (offset_i + j * skip_i) mod M} with {@code offset = h1(name) mod M} and {@code skip = h2(name)
 * mod (M - 1) + 1}; since M is prime every skip is coprime to it, so each list visits every entry.
 * Backends take turns claiming their next preferred free entry until the table is full, so every
 * backend owns {@code floor(M/N)} or {@code ceil(M/N)} entries. Permutations are computed on the
 * fly: memory is the table alone.
 *
 * <p>Immutable after construction; thread-safe.
 */
public final class MaglevTable {
  /** The table size the Maglev paper uses in its evaluation; prime. */
  public static final int DEFAULT_SIZE = 65537;

  private final int[] entries;
  private final int[] backendIds;

  /**
   * Populates a table of {@code size} (a prime) entries over the given backends.
   *
   * @param names names of all backends ever configured, indexed by backend id
   * @param ids the ids (indexes into {@code names}) of the backends to place, in order
   */
  public MaglevTable(List<String> names, int[] ids, int size) {
    if (!isPrime(size)) {
      throw new IllegalArgumentException("Maglev table size must be prime, got " + size);
    }
    if (ids.length == 0) {
      throw new IllegalArgumentException("a Maglev table needs at least one backend");
    }
    if (ids.length > size) {
      throw new IllegalArgumentException(ids.length + " backends do not fit a table of " + size);
    }
    this.backendIds = ids.clone();
    int n = ids.length;
    long[] offset = new long[n];
    long[] skip = new long[n];
    for (int i = 0; i < n; i++) {
      String name = names.get(ids[i]);
      offset[i] = Long.remainderUnsigned(MaglevHash.h1(name), size);
      skip[i] = Long.remainderUnsigned(MaglevHash.h2(name), size - 1) + 1;
    }
    int[] entry = new int[size];
    java.util.Arrays.fill(entry, -1);
    long[] next = new long[n];
    int filled = 0;
    outer:
    while (true) {
      for (int i = 0; i < n; i++) {
        int c = (int) ((offset[i] + next[i] * skip[i]) % size);
        while (entry[c] >= 0) {
          next[i]++;
          c = (int) ((offset[i] + next[i] * skip[i]) % size);
        }
        entry[c] = ids[i];
        next[i]++;
        if (++filled == size) {
          break outer;
        }
      }
    }
    this.entries = entry;
  }

  /** The backend id for a flow hash. */
  public int lookup(long flowHash) {
    return entries[(int) Long.remainderUnsigned(flowHash, entries.length)];
  }

  public int size() {
    return entries.length;
  }

  /** The backend id at entry {@code i}. */
  public int entry(int i) {
    return entries[i];
  }

  /** The ids this table was built over. */
  public int[] backendIds() {
    return backendIds.clone();
  }

  /** Entries owned by each id (array indexed by id, sized to the largest id + 1). */
  public int[] entriesPerBackend() {
    int max = 0;
    for (int id : backendIds) {
      max = Math.max(max, id);
    }
    int[] counts = new int[max + 1];
    for (int e : entries) {
      counts[e]++;
    }
    return counts;
  }

  static boolean isPrime(int n) {
    if (n < 2) {
      return false;
    }
    for (int d = 2; (long) d * d <= n; d++) {
      if (n % d == 0) {
        return false;
      }
    }
    return true;
  }
}
