package dev.custody.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code custody check PATH…}: compiles the given {@code .java} files, and every {@code .java}
 * file under the given directories, in-process with {@code -Xplugin:Custody} against Custody's own
 * jars (the class path this command runs with), and prints javac's diagnostics in javac's format.
 *
 * <p>Exit status: 0 clean; 1 if the only errors are Custody violations ({@code [custody.*]}); 2 if
 * the sources do not compile, or on bad usage (no path, a missing path, no sources found). Class
 * files go to a temporary directory that is deleted afterwards.
 *
 * <p>The JVM needs the {@code jdk.compiler} {@code --add-opens} flags; the {@code ./custody}
 * launcher passes them.
 */
@Command(
    name = "check",
    description = "Compile Java sources with the Custody checker (-Xplugin:Custody): "
        + "exit 0 clean, 1 violations, 2 does not compile or bad usage.")
public final class CheckCommand implements Callable<Integer> {
  static final int CLEAN = 0;
  static final int VIOLATIONS = 1;
  static final int BROKEN = 2;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = ".java files or directories (searched recursively).")
  List<Path> paths = new ArrayList<>();

  @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH",
      description = "Extra class path for the sources, added after Custody's own jars.")
  String classpath;

  @Option(names = "--stats", description = "Print the checker's counters (classes, CFGs, time per pass).")
  boolean stats;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (paths.isEmpty()) {
      err.println("custody check: give at least one .java file or directory");
      spec.commandLine().usage(err);
      return BROKEN;
    }
    List<Path> sources = new ArrayList<>();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println("custody check: no such file or directory: " + p);
        return BROKEN;
      }
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(f -> f.toString().endsWith(".java") && Files.isRegularFile(f)).sorted().forEach(sources::add);
        } catch (IOException | UncheckedIOException e) {
          err.println("custody check: cannot read directory " + p + ": " + e.getMessage());
          return BROKEN;
        }
      } else if (p.toString().endsWith(".java")) {
        sources.add(p);
      } else {
        err.println("custody check: not a .java file: " + p);
        return BROKEN;
      }
    }
    if (sources.isEmpty()) {
      err.println("custody check: no .java files under " + paths);
      return BROKEN;
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      err.println("custody check: no Java compiler in this runtime; run it with a JDK 25, not a JRE");
      return BROKEN;
    }
    Path out;
    try {
      out = Files.createTempDirectory("custody-check");
    } catch (IOException e) {
      err.println("custody check: cannot create a temporary directory: " + e.getMessage());
      return BROKEN;
    }
    try {
      return compile(javac, sources, out, err);
    } finally {
      deleteRecursively(out);
    }
  }

  private int compile(JavaCompiler javac, List<Path> sources, Path out, PrintWriter err) {
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    String cp = System.getProperty("java.class.path");
    if (classpath != null && !classpath.isBlank()) {
      cp = cp + File.pathSeparator + classpath;
    }
    List<String> options = List.of(
        stats ? "-Xplugin:Custody stats" : "-Xplugin:Custody",
        "-proc:full",
        "-implicit:none",
        "-encoding", "UTF-8",
        "-Xmaxerrs", "10000",
        "-classpath", cp,
        "-d", out.toString());
    boolean ok;
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.getDefault(), StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(sources);
      ok = javac.getTask(err, fm, diags, options, null, units).call();
    } catch (IOException e) {
      err.println("custody check: " + e.getMessage());
      return BROKEN;
    } catch (RuntimeException e) {
      err.println("custody check: the compiler failed: " + e);
      return BROKEN;
    }
    int custodyErrors = 0;
    int otherErrors = 0;
    int warnings = 0;
    // Passes report at different times (ownership per class, information flow once the whole
    // program is analysed); a reader wants them in source order, file by file.
    List<Diagnostic<? extends JavaFileObject>> sorted = new ArrayList<>(diags.getDiagnostics());
    sorted.sort(Comparator
        .comparing((Diagnostic<? extends JavaFileObject> d) -> d.getSource() == null ? "" : d.getSource().getName())
        .thenComparingLong(Diagnostic::getLineNumber)
        .thenComparingLong(Diagnostic::getColumnNumber));
    for (Diagnostic<? extends JavaFileObject> d : sorted) {
      err.print(JavacFormat.format(d));
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        if (d.getMessage(Locale.ROOT).startsWith("[custody.")) {
          custodyErrors++;
        } else {
          otherErrors++;
        }
      } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings++;
      }
    }
    int errors = custodyErrors + otherErrors;
    if (errors > 0) {
      err.println(errors + (errors == 1 ? " error" : " errors"));
    }
    if (warnings > 0) {
      err.println(warnings + (warnings == 1 ? " warning" : " warnings"));
    }
    err.flush();
    if (otherErrors > 0 || (!ok && custodyErrors == 0)) {
      return BROKEN;
    }
    return custodyErrors > 0 ? VIOLATIONS : CLEAN;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // A leftover temporary directory is harmless.
    }
  }
}
