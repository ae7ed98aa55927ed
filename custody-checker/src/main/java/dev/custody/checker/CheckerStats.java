package dev.custody.checker;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counters for one compilation, printed as a note with {@code -Xplugin:"Custody stats"}: classes
 * checked, control-flow graphs built, and wall-clock time per pass (CFG building included in the
 * pass that asked for the graph first). Not thread-safe: javac's thread only.
 */
public final class CheckerStats {
  private int classes;
  private int cfgs;
  private long cfgNanos;
  private final Map<String, Long> passNanos = new TreeMap<>();

  void classChecked() {
    classes++;
  }

  void cfgBuilt(long nanos) {
    cfgs++;
    cfgNanos += nanos;
  }

  void passRan(String key, long nanos) {
    passNanos.merge(key, nanos, Long::sum);
  }

  public int cfgsBuilt() {
    return cfgs;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder()
        .append("checked ").append(classes).append(" classes; built ").append(cfgs)
        .append(" control-flow graphs in ").append(cfgNanos / 1_000_000).append(" ms");
    passNanos.forEach((k, v) -> sb.append("; ").append(k).append(" ").append(v / 1_000_000).append(" ms"));
    return sb.toString();
  }
}
