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
