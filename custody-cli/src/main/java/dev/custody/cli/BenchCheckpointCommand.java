package dev.custody.cli;

import dev.custody.bench.checkpoint.CheckpointSuite;
import dev.custody.bench.checkpoint.FirewallWorkload.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.RunnerException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custody bench checkpoint [--quick] --json FILE}: the paper's §5 checkpoint comparison on
 * the firewall rule database (Figure 3), measured with JMH in forked JVMs. Writes {@code {"rules":
 * N, "sharing_preserved": B, "results": {...medians in ms...}}} and prints the ratios against the
 * issue's targets. Exit 0 when the run completed with sharing preserved (targets are reported,
 * not enforced), 1 otherwise.
 */
@Command(name = "checkpoint",
    description = "Generated checkpoint/restore vs identity-map traversal, Fory, Kryo and Java serialization.")
public final class BenchCheckpointCommand implements Callable<Integer> {
  /** Where results go unless --json says otherwise; {@code custody report} reads it. */
  public static final Path DEFAULT_JSON = Path.of("custody-results", "checkpoint.json");

  @Option(names = "--quick", description = "Short preset: about 1.5 minutes on 2 cores.")
  boolean quick;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Where to write the results (default: custody-results/checkpoint.json).")
  Path json = DEFAULT_JSON;

  @Option(names = "--rules", paramLabel = "N", description = "Rules in the database (default 100000).")
  int rules = 100_000;

  @Override
  public Integer call() throws Exception {
    if (rules < 1) {
      System.err.println("--rules must be positive, not " + rules);
      return 2;
    }
    Path out = json.toAbsolutePath();
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    long t0 = System.nanoTime();
    CheckpointSuite.Results r;
    try {
      r = new CheckpointSuite(quick, rules, System.err).run();
    } catch (RunnerException e) {
      System.err.println("custody bench checkpoint: JMH could not run: " + e.getMessage());
      return 1;
    }
    Files.writeString(out, r.toJson());
    System.out.printf(Locale.ROOT, "%nCheckpoint benchmark (%s, %d rules, each reachable 3 ways): median ms%n",
        quick ? "quick" : "full", r.rules());
    for (Method m : Method.values()) {
      Double v = r.medianMs().get(m);
      System.out.printf(Locale.ROOT, "  %-34s %10s%n", m.jsonKey, v == null ? "failed" : String.format(Locale.ROOT, "%.2f", v));
    }
    if (!Double.isNaN(r.incrementalReusedFraction())) {
      System.out.printf(Locale.ROOT, "incremental checkpoint after replacing 1%% of the rules: %.1f%% of the"
          + " snapshot's objects reused from the previous one%n", 100 * r.incrementalReusedFraction());
    }
    System.out.println("sharing preserved by every method: " + r.sharingPreserved()
        + (r.problems().isEmpty() ? "" : " " + r.problems()));
    System.out.println("\nTargets:");
    target("checkpoint >= 4x faster than Fory copy", r.ratio(Method.FORY_COPY, Method.CUSTODY_CHECKPOINT), 4);
    target("checkpoint >= 1.5x faster than identity-map traversal",
        r.ratio(Method.IDENTITY_MAP, Method.CUSTODY_CHECKPOINT), 1.5);
    target("restore >= 4x faster than Fory copy", r.ratio(Method.FORY_COPY, Method.CUSTODY_RESTORE), 4);
    System.out.printf(Locale.ROOT, "%nwrote %s in %.0f s%n", out, (System.nanoTime() - t0) / 1e9);
    return r.sharingPreserved() ? 0 : 1;
  }

  private static void target(String what, double ratio, double goal) {
    System.out.printf(Locale.ROOT, "  [%s] %s: %.2fx%n", ratio >= goal ? "ok" : "MISSED", what, ratio);
  }
}
