package dev.custody.bench.isolation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "must show" targets, checked against measured results. Stateless; thread-safe.
 */
public final class IsolationTargets {
  /** Paper's overhead at batch 1 and 256, and recovery, in cycles. */
  public static final double PAPER_BATCH_1 = 90;
  public static final double PAPER_BATCH_256 = 122;
  public static final double PAPER_RECOVERY = 4389;
  public static final double MAX_OVERHEAD_CYCLES = 30;

  private IsolationTargets() {}

  /** One target. */
  public record Check(String target, boolean holds, String measured) {}

  public static List<Check> evaluate(IsolationResults r) {
    List<Check> checks = new ArrayList<>();
    double worst = r.rows().stream().mapToDouble(IsolationResults.Row::overheadCyclesPerCall).max().orElse(Double.NaN);
    checks.add(new Check("overhead <= 30 cycles per protected call at every batch size",
        worst <= MAX_OVERHEAD_CYCLES, f("worst %.1f cycles", worst)));
    IsolationResults.Row first = row(r, 1);
    IsolationResults.Row last = row(r, 256);
    if (first != null && last != null) {
      double a = first.overheadCyclesPerCall();
      double b = last.overheadCyclesPerCall();
      boolean flat = b <= 1.5 * a;
      checks.add(new Check("flat: overhead at 256 within 1.5x of at 1", flat,
          f("%.1f cycles at 1, %.1f at 256 (ratio %.2f)", a, b, b / a)));
      double copy = last.copyOverheadCyclesPerCall();
      checks.add(new Check("copying baseline >= 10x zero-copy overhead at 256",
          copy >= 10 * Math.max(b, 0), f("copy %.0f vs zero-copy %.1f cycles (%.0fx)", copy, b, copy / b)));
    }
    boolean under = true;
    StringBuilder sb = new StringBuilder();
    for (IsolationResults.Row row : r.rows()) {
      if (row.batch() >= 32) {
        double pct = 100 * row.overheadNsPerCall() / row.maglevNsPerBatch();
        under &= pct < 1.0;
        sb.append(f("%d: %.2f%%  ", row.batch(), pct));
      }
    }
    checks.add(new Check("overhead < 1% of Maglev per batch for batch >= 32", under, sb.toString().trim()));
    IsolationResults.Recovery rec = r.recovery();
    double cycles = r.cycles(rec.medianNs());
    checks.add(new Check("recovery median <= 4389 cycles (" + rec.panic() + ")",
        cycles <= PAPER_RECOVERY, f("%.0f cycles (%.0f ns)", cycles, rec.medianNs())));
    IsolationResults.Recovery java = r.recoveryJavaException();
    if (java != null && !Double.isNaN(java.withoutDomainNs())) {
      // The exception's own stack capture is paid by the thrower with or without a domain; what
      // the domain is answerable for is what it adds on top, in the same run.
      double share = r.cycles(java.domainShareNs());
      checks.add(new Check("with a Java exception, the domain adds <= 4389 cycles to the throw itself",
          share <= PAPER_RECOVERY, f("%.0f cycles in all (%.0f ns), of which %.0f without any domain",
              r.cycles(java.medianNs()), java.medianNs(), r.cycles(java.withoutDomainNs()))));
    }
    return checks;
  }

  private static IsolationResults.Row row(IsolationResults r, int batch) {
    return r.rows().stream().filter(x -> x.batch() == batch).findFirst().orElse(null);
  }

  private static String f(String fmt, Object... args) {
    return String.format(Locale.ROOT, fmt, args);
  }
}
