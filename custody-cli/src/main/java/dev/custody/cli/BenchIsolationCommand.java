package dev.custody.cli;

import dev.custody.bench.isolation.IsolationResults;
import dev.custody.bench.isolation.IsolationSuite;
import dev.custody.bench.isolation.IsolationTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custody bench isolation [--quick] --json FILE}: the paper's Figure 2 and recovery cost,
 * measured with JMH (forked JVMs), written as JSON and summarised with the targets.
 * Exit 0 when the run completed (targets are reported, not enforced), 1 if it failed.
 */
@Command(name = "isolation",
    description = "Protected-call overhead per batch size (paper Fig. 2), copying baseline, Maglev, recovery.")
public final class BenchIsolationCommand implements Callable<Integer> {
  /** Where results go unless --json says otherwise; {@code custody report} reads it. */
  public static final Path DEFAULT_JSON = Path.of("custody-results", "isolation.json");

  @Option(names = "--quick", description = "Short preset: under 5 minutes on 2 cores.")
  boolean quick;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Where to write the results (default: custody-results/isolation.json).")
  Path json = DEFAULT_JSON;

  @Override
  public Integer call() throws Exception {
    Path out = json.toAbsolutePath();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    Path log = out.resolveSibling(out.getFileName() + ".jmh.log");
    long t0 = System.nanoTime();
    IsolationResults r;
    try {
      r = new IsolationSuite(quick, System.err, log).run();
    } catch (org.openjdk.jmh.runner.RunnerException e) {
      System.err.println("custody bench isolation: JMH failed: " + e.getMessage()
          + (e.getMessage() != null && e.getMessage().contains("lock")
              ? "\n  another JMH run holds /tmp/jmh.lock; wait for it (two benchmarks at once"
                  + " would disturb each other's numbers)" : "")
          + "\n  JMH log: " + log);
      return 1;
    }
    Files.writeString(out, r.toJson());
    System.out.printf(Locale.ROOT, "%nIsolation benchmark (%s, pipeline length %d, %.3f GHz from %s)%n",
        quick ? "quick" : "full", r.pipelineLength(), r.cpuGhz(), r.cpuGhzSource());
    System.out.printf("%6s %12s %12s %10s %10s %12s %12s%n", "batch", "plain ns", "protect ns",
        "ovh ns", "ovh cyc", "copy cyc", "maglev ns");
    for (IsolationResults.Row row : r.rows()) {
      System.out.printf(Locale.ROOT, "%6d %12.1f %12.1f %10.2f %10.1f %12.0f %12.1f%n", row.batch(),
          row.plainNsPerBatch(), row.protectedNsPerBatch(), row.overheadNsPerCall(),
          row.overheadCyclesPerCall(), row.copyOverheadCyclesPerCall(), row.maglevNsPerBatch());
    }
    for (IsolationResults.Recovery rec : new IsolationResults.Recovery[] {r.recovery(), r.recoveryJavaException()}) {
      System.out.printf(Locale.ROOT, "recovery median, %s:%n  %.0f ns = %.0f cycles (paper 4389); without a"
              + " domain %.0f cycles; the domain adds %.0f%n", rec.panic(), rec.medianNs(),
          r.cycles(rec.medianNs()), r.cycles(rec.withoutDomainNs()), r.cycles(rec.domainShareNs()));
    }
    System.out.println("\nTargets:");
    for (IsolationTargets.Check c : IsolationTargets.evaluate(r)) {
      System.out.printf("  [%s] %s: %s%n", c.holds() ? "ok" : "MISSED", c.target(), c.measured());
    }
    System.out.printf(Locale.ROOT, "%nwrote %s (JMH logs: %s.1 ... .5) in %.0f s%n", out, log,
        (System.nanoTime() - t0) / 1e9);
    return 0;
  }
}
