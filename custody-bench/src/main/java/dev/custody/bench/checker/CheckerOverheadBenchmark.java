package dev.custody.bench.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: how much time does {@code -Xplugin:Custody} add to javac on Custody's own code? The
 * issue's target is at most 15% (NullAway reports about 10%).
 *
 * <p>One operation compiles the main sources of every module that handles linear values ({@link
 * #MODULES}), one in-process javac task per module as Maven does, against the modules' built
 * classes (run the build first: {@code ./custody build}). {@code checker=off} is the baseline in
 * the same run; {@code ownership} runs only the ownership pass; {@code all} runs every pass
 * (ownership and information flow). The JVM is warm, but every javac task loads the plugin and the
 * dataflow library afresh through its own class loader, exactly as each module of a Maven build
 * does, so that cost is included. Annotation processors are off (their output is already in the
 * built classes), so the figures are javac's own compile time.
 *
 * <p>{@link #main} runs the same compilations interleaved ({@code off}, {@code ownership}, {@code
 * all}, order rotating every round) and prints the medians of wall-clock time and of the
 * compiling thread's and the whole process's CPU time (JIT and GC included), with the overhead
 * against {@code off}: on a shared, noisy machine,
 * interleaving keeps background load from favouring one setting, and thread CPU time is far less
 * disturbed by other processes than wall-clock time.
 *
 * <p>The project root comes from {@code -Dcustody.home}, {@code CUSTODY_HOME}, or the nearest
 * directory above the working directory that holds {@code custody-checker/}. Setup fails with the
 * compiler's messages if a module does not compile without the plugin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgsAppend = {
    "-Xss8m",
    "--add-opens=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.code=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.comp=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.main=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.model=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.processing=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED"})
public class CheckerOverheadBenchmark {
  /** Modules whose main code handles {@code Owned}, {@code @Linear} values or packet batches. */
  public static final List<String> MODULES = List.of(
      "custody-domains", "custody-confinement", "custody-checkpoint", "custody-netfn", "custody-bench", "examples");

  @Param({"off", "ownership", "all"})
  public String checker;

  private final List<List<Path>> sources = new ArrayList<>();
  private JavaCompiler javac;
  private String classpath;
  private Path out;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    Path root = projectRoot();
    for (String m : MODULES) {
      Path src = root.resolve(m).resolve("src/main/java");
      if (!Files.isDirectory(src)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(src)) {
        List<Path> files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        if (!files.isEmpty()) {
          sources.add(files);
        }
      }
    }
    if (sources.isEmpty()) {
      throw new IllegalStateException("no module sources under " + root);
    }
    javac = ToolProvider.getSystemJavaCompiler();
    classpath = System.getProperty("java.class.path");
    out = Files.createTempDirectory("custody-checker-bench");
    String saved = checker;
    checker = "off";
    compile(); // every module must compile without the plugin, or the figures mean nothing
    checker = saved;
  }


  @Benchmark
  public int compile() throws IOException {
    int diagnostics = 0;
    for (List<Path> module : sources) {
      List<String> options = new ArrayList<>(List.of(
          "-proc:none", "-implicit:none", "-encoding", "UTF-8", "-classpath", classpath, "-d", out.toString()));
      switch (checker) {
        case "ownership" -> options.add("-Xplugin:Custody only=ownership");
        case "all" -> options.add("-Xplugin:Custody");
        default -> { }
      }
      DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
      try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8)) {
        boolean ok = javac.getTask(null, fm, diags, options, null, fm.getJavaFileObjectsFromPaths(module)).call();
        if (!ok) {
          throw new IllegalStateException("checker=" + checker + ": " + module.get(0).getParent() + " does not compile: "
              + diags.getDiagnostics());
        }
      }
      diagnostics += diags.getDiagnostics().size();
    }
    return diagnostics;
  }

  /**
   * {@code java --add-opens=… -cp custody.jar dev.custody.bench.checker.CheckerOverheadBenchmark
   * [ROUNDS]}: interleaved rounds (default 9, after one warm-up round), medians in ms and overhead
   * against {@code off}.
   */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    List<String> modes = List.of("off", "ownership", "all");
    java.util.Map<String, CheckerOverheadBenchmark> benches = new java.util.LinkedHashMap<>();
    for (String mode : modes) {
      CheckerOverheadBenchmark b = new CheckerOverheadBenchmark();
      b.checker = mode;
      b.setup();
      benches.put(mode, b);
    }
    java.util.Map<String, List<Long>> times = new java.util.LinkedHashMap<>();
    java.util.Map<String, List<Long>> cpu = new java.util.LinkedHashMap<>();
    modes.forEach(m -> times.put(m, new ArrayList<>()));
    modes.forEach(m -> cpu.put(m, new ArrayList<>()));
    java.util.Map<String, List<Long>> proc = new java.util.LinkedHashMap<>();
    modes.forEach(m -> proc.put(m, new ArrayList<>()));
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int r = -1; r < rounds; r++) {
      for (int i = 0; i < modes.size(); i++) {
        String mode = modes.get(Math.floorMod(i + r, modes.size()));
        long procStart = os.getProcessCpuTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        benches.get(mode).compile();
        long ms = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
        long procMs = (os.getProcessCpuTime() - procStart) / 1_000_000;
        if (r >= 0) {
          proc.get(mode).add(procMs);
          times.get(mode).add(ms);
          cpu.get(mode).add(cpuMs);
        }
      }
    }
    int files = benches.get("off").sources.stream().mapToInt(List::size).sum();
    System.out.printf("%d modules, %d files, %d interleaved rounds (after 1 warm-up)%n",
        benches.get("off").sources.size(), files, rounds);
    double base = median(times.get("off"));
    double cpuBase = median(cpu.get("off"));
    double procBase = median(proc.get("off"));
    for (String mode : modes) {
      double med = median(times.get(mode));
      double cpuMed = median(cpu.get(mode));
      double procMed = median(proc.get(mode));
      System.out.printf(
          "checker=%-9s wall %6.0f ms (%+5.1f%%)  javac thread CPU %6.0f ms (%+5.1f%%)  process CPU %6.0f ms (%+5.1f%%)%n"
              + "    wall %s%n    thread %s%n    process %s%n",
          mode, med, 100 * (med - base) / base, cpuMed, 100 * (cpuMed - cpuBase) / cpuBase,
          procMed, 100 * (procMed - procBase) / procBase, times.get(mode), cpu.get(mode), proc.get(mode));
    }
  }

  private static double median(List<Long> xs) {
    List<Long> s = xs.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }

  static Path projectRoot() {
    String home = System.getProperty("custody.home", System.getenv("CUSTODY_HOME"));
    if (home != null && !home.isBlank()) {
      return Paths.get(home);
    }
    for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("custody-checker"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the Custody project root above " + Paths.get("").toAbsolutePath()
            + "; set -Dcustody.home or CUSTODY_HOME");
  }
}
