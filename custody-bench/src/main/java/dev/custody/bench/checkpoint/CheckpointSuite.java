package dev.custody.bench.checkpoint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CheckpointBenchmark} through the JMH Runner API for {@code custody bench
 * checkpoint}, and collects each fork's sharing check: sharing is preserved only if all the
 * methods ran and each one's copy passed. {@code quick}: 2 warm-up and 3 measured 1-second iterations
 * per method (about 1.5 minutes on 2 cores); otherwise the benchmark's own settings.
 *
 * <p>Not thread-safe; run once.
 */
public final class CheckpointSuite {
  /** The run's outcome: medians in ms per method, and whether every copy kept the sharing. */
  public record Results(int rules, boolean sharingPreserved, Map<FirewallWorkload.Method, Double> medianMs,
      Map<FirewallWorkload.Method, String> problems, double incrementalReusedFraction) {
    /** Results without a measured reuse fraction (NaN, written as null). */
    public Results(int rules, boolean sharingPreserved, Map<FirewallWorkload.Method, Double> medianMs,
        Map<FirewallWorkload.Method, String> problems) {
      this(rules, sharingPreserved, medianMs, problems, Double.NaN);
    }

    /**
     * The JSON shape, plus {@code incremental_reused_fraction}: the share of the
     * incremental snapshot's objects taken by reference from the previous snapshot.
     */
    public String toJson() {
      StringJoiner r = new StringJoiner(", ", "{", "}");
      for (FirewallWorkload.Method m : FirewallWorkload.Method.values()) {
        Double v = medianMs.get(m);
        r.add("\"" + m.jsonKey + "\": " + (v == null ? "null" : String.format(Locale.ROOT, "%.3f", v)));
      }
      String fraction = Double.isNaN(incrementalReusedFraction)
          ? "null" : String.format(Locale.ROOT, "%.4f", incrementalReusedFraction);
      return "{\"rules\": " + rules + ", \"sharing_preserved\": " + sharingPreserved + ", \"results\": " + r
          + ", \"incremental_reused_fraction\": " + fraction + "}\n";
    }

    /** {@code a}'s median divided by {@code b}'s, or NaN. */
    public double ratio(FirewallWorkload.Method a, FirewallWorkload.Method b) {
      Double x = medianMs.get(a);
      Double y = medianMs.get(b);
      return x == null || y == null ? Double.NaN : x / y;
    }
  }

  private final boolean quick;
  private final int rules;
  private final PrintStream log;

  public CheckpointSuite(boolean quick, int rules, PrintStream log) {
    this.quick = quick;
    this.rules = rules;
    this.log = log;
  }

  public Results run() throws RunnerException, IOException {
    // Each fork checks its method's last copy at tear-down and appends the verdict here.
    Path sharingLog = Files.createTempFile("custody-checkpoint-sharing", ".txt");
    ChainedOptionsBuilder opts = new OptionsBuilder()
        .include(CheckpointBenchmark.class.getName() + "\\.")
        .param("rules", Integer.toString(rules))
        .jvmArgsPrepend("-D" + CheckpointBenchmark.SHARING_LOG + "=" + sharingLog)
        .forks(1)
        .shouldFailOnError(false);
    if (quick) {
      opts.warmupIterations(2).warmupTime(TimeValue.seconds(1))
          .measurementIterations(3).measurementTime(TimeValue.seconds(1));
    }
    Collection<RunResult> results = new Runner(opts.build()).run();
    Map<FirewallWorkload.Method, Double> medians = new EnumMap<>(FirewallWorkload.Method.class);
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      for (FirewallWorkload.Method m : FirewallWorkload.Method.values()) {
        if (camel(m).equals(simple)) {
          medians.put(m, r.getPrimaryResult().getStatistics().getPercentile(50));
        }
      }
    }
    Map<FirewallWorkload.Method, String> problems = new EnumMap<>(FirewallWorkload.Method.class);
    for (FirewallWorkload.Method m : FirewallWorkload.Method.values()) {
      problems.put(m, "not checked (the benchmark did not complete)");
    }
    for (String line : Files.readAllLines(sharingLog)) {
      String[] parts = line.split("\t", 2);
      FirewallWorkload.Method m = FirewallWorkload.Method.valueOf(parts[0]);
      if (parts[1].equals("ok")) {
        problems.remove(m);
      } else {
        problems.put(m, parts[1]);
      }
    }
    Files.deleteIfExists(sharingLog);
    problems.forEach((m, p) -> log.printf("sharing check %s: %s%n", m, p));
    double reused = reusedFraction(rules);
    log.printf(Locale.ROOT, "incremental checkpoint after changing 1%% of %d rules: %.2f%% of objects reused%n",
        rules, 100 * reused);
    return new Results(rules, problems.isEmpty() && medians.size() == FirewallWorkload.Method.values().length,
        medians, problems, reused);
  }

  /**
   * The fraction of objects the benchmark's incremental checkpoint reuses: the workload is
   * seeded, so this is the figure of every fork's checkpoint.
   */
  static double reusedFraction(int rules) {
    return new FirewallWorkload(rules, 2017).incrementalCheckpoint().reusedFraction();
  }

  /** CUSTODY_CHECKPOINT -> custodyCheckpoint: the benchmark method of a method. */
  static String camel(FirewallWorkload.Method m) {
    StringBuilder b = new StringBuilder();
    for (String part : m.name().toLowerCase(Locale.ROOT).split("_")) {
      b.append(b.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
    }
    return b.toString();
  }
}
