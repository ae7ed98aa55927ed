package dev.custody.netfn.packet;

/**
 * Per-reason drop counters of one network function. Not thread-safe: a network function runs on
 * one thread at a time, and readers get a snapshot with {@link #snapshot()}.
 */
public final class DropCounters {
  private final long[] counts = new long[DropReason.values().length];

  public void count(DropReason reason) {
    counts[reason.ordinal()]++;
  }

  public long get(DropReason reason) {
    return counts[reason.ordinal()];
  }

  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }

  /** A copy of the counters, indexed by {@link DropReason#ordinal()}. */
  public long[] snapshot() {
    return counts.clone();
  }

  public void reset() {
    java.util.Arrays.fill(counts, 0);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("drops{");
    for (DropReason r : DropReason.values()) {
      if (counts[r.ordinal()] != 0) {
        sb.append(r).append('=').append(counts[r.ordinal()]).append(' ');
      }
    }
    return sb.append("total=").append(total()).append('}').toString();
  }
}
