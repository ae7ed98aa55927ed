package dev.custody.bench.isolation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the isolation benchmarks through JMH's Runner API and reduces them to {@link
 * IsolationResults}: the null-filter pipeline (plain, protected, copying) at batch sizes 1..256
 * for length 5, a pipeline-length sweep, Maglev per batch, and recovery. One fork per parameter
 * set.
 *
 * <p><b>Estimator.</b> These machines are shared and noisy. Every benchmark is sampled in short
 * operations (microseconds, far below a scheduler time slice) and the score is the median sample:
 * a sample is either undisturbed or visibly preempted, so the median is the undisturbed cost.
 * Plain, protected and copying pipelines are reduced the same way.
 *
 * <p>The quick preset (short iterations, sweep at one batch size) takes about two minutes on two
 * cores; the full preset sweeps lengths 1..8 at every batch size with longer iterations.
 *
 * <p>JMH's own reports go to log files beside the JSON ({@code <json>.jmh.log.1} … {@code .5}).
 */
public final class IsolationSuite {
  static final String[] BATCHES = {"1", "2", "4", "8", "16", "32", "64", "128", "256"};
  static final int LENGTH = 5;
  static final int SWEEP_BATCH = 32;
  static final String PANIC = "dev.custody.domains.Panic: a message and unwinding, no backtrace"
      + " (as Rust's panic without RUST_BACKTRACE)";
  static final String JAVA_EXCEPTION = "IllegalStateException: an ordinary Java exception, which"
      + " records the thread's stack trace";

  private final boolean quick;
  private final PrintStream progress;
  private final Path jmhLog;

  public IsolationSuite(boolean quick, PrintStream progress, Path jmhLog) {
    this.quick = quick;
    this.progress = progress;
    this.jmhLog = jmhLog;
  }

  private int phase;

  private ChainedOptionsBuilder base() {
    ChainedOptionsBuilder b = new OptionsBuilder()
        .forks(1)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.NORMAL)
        // -Xbatch: on a loaded machine the JIT's background compiler threads starve and warm-up
        // ends with code still interpreted (seen: Maglev 20x slower); compiling synchronously
        // makes warm-up reach the same compiled code, just deterministically.
        .jvmArgsAppend("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC", "-Xbatch");
    if (jmhLog != null) {
      // One log per Runner run: JMH truncates its output file when a run starts.
      b = b.output(jmhLog.resolveSibling(jmhLog.getFileName() + "." + (++phase)).toString());
    }
    if (quick) {
      // Five warm-up iterations: with three, C2's last recompilation sometimes landed in the
      // measurement and left a slower code shape for the rest of the fork (seen: 23 -> 31 ns).
      b = b.warmupIterations(5).warmupTime(TimeValue.milliseconds(200))
          .measurementIterations(4).measurementTime(TimeValue.milliseconds(150));
    } else {
      b = b.warmupIterations(5).warmupTime(TimeValue.milliseconds(400))
          .measurementIterations(10).measurementTime(TimeValue.milliseconds(400));
    }
    return b;
  }

  private Collection<RunResult> run(String what, ChainedOptionsBuilder options) throws RunnerException {
    progress.println("custody bench isolation: " + what + "...");
    long t0 = System.nanoTime();
    Collection<RunResult> r = new Runner(options.build()).run();
    progress.printf("  done in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    return r;
  }

  public IsolationResults run() throws RunnerException, IOException {
    CpuInfo cpu = CpuInfo.detect();
    if (jmhLog != null) {
      for (int i = 1; i <= 6; i++) {
        Files.deleteIfExists(jmhLog.resolveSibling(jmhLog.getFileName() + "." + i));
      }
    }
    String pipe = NullPipelineBenchmark.class.getName() + ".pipeline$";
    Map<String, Double> ns = new HashMap<>();
    for (RunResult r : run("null-filter pipeline, length 5, plain/protected × 9 batch sizes",
        base().include(pipe).param("batch", BATCHES).param("length", String.valueOf(LENGTH))
            .param("mode", "PLAIN", "PROTECTED"))) {
      ns.put(key(r), median(r));
    }
    for (RunResult r : run("copying baseline, length 5 × 9 batch sizes",
        base().include(CopyPipelineBenchmark.class.getName() + ".pipeline").param("batch", BATCHES)
            .param("length", String.valueOf(LENGTH)))) {
      ns.put(k(Integer.parseInt(r.getParams().getParam("batch")), LENGTH, "COPY"), median(r));
    }
    Map<Integer, Double> maglev = new HashMap<>();
    for (RunResult r : run("Maglev per batch × 9 batch sizes",
        base().include(MaglevBenchmark.class.getName() + ".maglev").param("batch", BATCHES))) {
      maglev.put(Integer.parseInt(r.getParams().getParam("batch")), median(r));
    }
    String[] sweepLengths = {"1", "2", "3", "4", "6", "7", "8"};
    String[] sweepBatches = quick ? new String[] {String.valueOf(SWEEP_BATCH)} : BATCHES;
    for (RunResult r : run("pipeline-length sweep (plain/protected, lengths 1..8)",
        base().include(pipe).param("batch", sweepBatches).param("length", sweepLengths)
            .param("mode", "PLAIN", "PROTECTED"))) {
      ns.put(key(r), median(r));
    }
    Map<String, Double> rec = new HashMap<>();
    for (RunResult r : run("recovery (panic, clean-up, recovery, next call; Panic and Java exception, each with"
            + " its baseline without a domain)",
        base().include(RecoveryBenchmark.class.getName() + ".(panic|javaException)(RecoverCall|WithoutDomain)")
            .warmupIterations(quick ? 4 : 5).warmupTime(TimeValue.milliseconds(quick ? 200 : 500))
            .measurementIterations(quick ? 5 : 10).measurementTime(TimeValue.milliseconds(quick ? 200 : 500)))) {
      String b = r.getParams().getBenchmark();
      rec.put(b.substring(b.lastIndexOf('.') + 1), median(r));
    }
    IsolationResults.Recovery recovery = new IsolationResults.Recovery(PANIC,
        rec.get("panicRecoverCall"), rec.get("panicWithoutDomain"));
    IsolationResults.Recovery recoveryJava = new IsolationResults.Recovery(JAVA_EXCEPTION,
        rec.get("javaExceptionRecoverCall"), rec.get("javaExceptionWithoutDomain"));

    List<IsolationResults.Row> rows = new ArrayList<>();
    for (String bs : BATCHES) {
      int b = Integer.parseInt(bs);
      double plain = ns.get(k(b, LENGTH, "PLAIN"));
      double prot = ns.get(k(b, LENGTH, "PROTECTED"));
      double copy = ns.get(k(b, LENGTH, "COPY"));
      double over = (prot - plain) / LENGTH;
      double copyOver = (copy - plain) / LENGTH;
      rows.add(new IsolationResults.Row(b, plain, prot, over, over * cpu.ghz(), copyOver * cpu.ghz(),
          maglev.get(b)));
    }
    List<IsolationResults.SweepPoint> sweep = new ArrayList<>();
    for (String bs : sweepBatches) {
      int b = Integer.parseInt(bs);
      for (int len = 1; len <= 8; len++) {
        Double plain = ns.get(k(b, len, "PLAIN"));
        Double prot = ns.get(k(b, len, "PROTECTED"));
        if (plain != null && prot != null) {
          sweep.add(new IsolationResults.SweepPoint(len, b, plain, prot,
              (prot - plain) / len * cpu.ghz()));
        }
      }
    }
    return new IsolationResults(cpu.ghz(), cpu.source(), LENGTH, rows, recovery, recoveryJava,
        sweep, quick);
  }

  /** The median sample of a run, over all its measurement iterations (see the class comment). */
  static double median(RunResult r) {
    return r.getPrimaryResult().getStatistics().getPercentile(50);
  }

  private static String key(RunResult r) {
    var p = r.getParams();
    return k(Integer.parseInt(p.getParam("batch")), Integer.parseInt(p.getParam("length")),
        p.getParam("mode"));
  }

  private static String k(int batch, int length, String mode) {
    return batch + "/" + length + "/" + mode;
  }
}
