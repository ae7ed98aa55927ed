package dev.custody.checker.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles small Java sources in memory with {@code -Xplugin:Custody} and checks the diagnostics
 * against markers written on the source lines themselves, in the style of Error Prone's and
 * NullAway's {@code CompilationTestHelper}:
 *
 * <pre>{@code
 * consume(b);
 * b.size();   // error: [custody.ownership] use of moved value 'b' (moved at line 7)
 * }</pre>
 *
 * <p>A marker is {@code // error: TEXT}, {@code // warning: TEXT} or {@code // note: TEXT}; a line
 * may carry several. {@link #expectMarkedDiagnostics()} passes when every marker is matched by a
 * diagnostic of that kind on that line whose message contains TEXT, and no other error, and no
 * other {@code [custody.*]} warning or note, was reported anywhere. A source without markers must
 * compile clean. The harness is generic over the diagnostic key: it knows nothing of any pass.
 *
 * <p>Sources come from test resources ({@link #addResource}, for example {@code
 * ownership/MovedInBranch.java}) or inline text ({@link #addSource}). The class path is the test's
 * own ({@code java.class.path}), so Custody's annotations and the plugin are visible. The JVM
 * needs the jdk.compiler {@code --add-opens} (see the module's surefire argLine).
 *
 * <p>Not thread-safe; build one per test.
 */
public final class CheckerHarness {
  private static final Pattern MARKER =
      Pattern.compile("//\\s*(error|warning|note):\\s*(.*?)\\s*(?=//\\s*(?:error|warning|note):|$)");

  private final List<Source> sources = new ArrayList<>();
  private final List<String> options = new ArrayList<>();
  private String pluginArgs = "";

  private CheckerHarness() {}

  /** A harness that runs every registered pass ({@code -Xplugin:Custody}). */
  public static CheckerHarness create() {
    return new CheckerHarness();
  }

  /** Plugin arguments, for example {@code "only=ifc"}: {@code -Xplugin:Custody only=ifc}. */
  public CheckerHarness pluginArgs(String args) {
    this.pluginArgs = args;
    return this;
  }

  /** Extra javac options. */
  public CheckerHarness options(String... extra) {
    options.addAll(List.of(extra));
    return this;
  }

  /**
   * Adds the test resource at {@code path} (for example {@code ownership/MovedInBranch.java}); it
   * is compiled as a file named after its last path segment, in the package it declares.
   */
  public CheckerHarness addResource(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    try (InputStream in = CheckerHarness.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      sources.add(new Source(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Adds an inline source; {@code fileName} such as {@code p/Foo.java}. */
  public CheckerHarness addSource(String fileName, String text) {
    sources.add(new Source(fileName, text));
    return this;
  }

  /** Compiles the sources and returns every diagnostic. */
  public Result compile() {
    if (sources.isEmpty()) {
      throw new IllegalStateException("no sources added");
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    StandardJavaFileManager std = javac.getStandardFileManager(diags, Locale.ROOT, StandardCharsets.UTF_8);
    JavaFileManager fm = new DiscardingFileManager(std);
    List<String> opts = new ArrayList<>();
    opts.add(pluginArgs.isBlank() ? "-Xplugin:Custody" : "-Xplugin:Custody " + pluginArgs);
    opts.addAll(List.of("-proc:none", "-XDrawDiagnostics=false", "-classpath", System.getProperty("java.class.path")));
    opts.addAll(options);
    List<JavaFileObject> units = new ArrayList<>();
    for (Source s : sources) {
      units.add(s.fileObject());
    }
    boolean ok = javac.getTask(null, fm, diags, opts, null, units).call();
    return new Result(ok, List.copyOf(diags.getDiagnostics()));
  }

  /** Compiles and asserts that the diagnostics are exactly the marked ones. */
  public Result expectMarkedDiagnostics() {
    Result result = compile();
    List<Expected> expected = new ArrayList<>();
    for (Source s : sources) {
      String[] lines = s.text().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        Matcher m = MARKER.matcher(lines[i]);
        while (m.find()) {
          expected.add(new Expected(s, i + 1, kindOf(m.group(1)), m.group(2)));
        }
      }
    }
    List<String> problems = new ArrayList<>();
    List<Diagnostic<? extends JavaFileObject>> unmatched = new ArrayList<>(result.diagnostics());
    for (Expected e : expected) {
      Diagnostic<? extends JavaFileObject> hit = null;
      for (Diagnostic<? extends JavaFileObject> d : unmatched) {
        if (d.getKind() == e.kind()
            && d.getSource() != null
            && d.getSource().toUri().equals(e.source().uri())
            && d.getLineNumber() == e.line()
            && d.getMessage(Locale.ROOT).contains(e.text())) {
          hit = d;
          break;
        }
      }
      if (hit == null) {
        problems.add("missing " + e.kind().name().toLowerCase(Locale.ROOT) + " at " + e.source().name()
            + ":" + e.line() + ": " + e.text());
      } else {
        unmatched.remove(hit);
      }
    }
    for (Diagnostic<? extends JavaFileObject> d : unmatched) {
      if (d.getKind() == Diagnostic.Kind.ERROR || d.getMessage(Locale.ROOT).startsWith("[custody.")) {
        problems.add("unexpected " + Result.format(d));
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n", problems) + "\n--- all diagnostics ---\n" + result.render());
    }
    return result;
  }

  private static Diagnostic.Kind kindOf(String word) {
    return switch (word) {
      case "error" -> Diagnostic.Kind.ERROR;
      case "warning" -> Diagnostic.Kind.WARNING;
      default -> Diagnostic.Kind.NOTE;
    };
  }

  /** The outcome of one compilation. */
  public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    /** Diagnostics whose message starts with {@code [key]}. */
    public List<Diagnostic<? extends JavaFileObject>> withKey(String key) {
      return diagnostics.stream().filter(d -> d.getMessage(Locale.ROOT).startsWith("[" + key + "]")).toList();
    }

    /** Every diagnostic as {@code file:line: kind: message}, sorted by line. */
    public String render() {
      StringBuilder sb = new StringBuilder();
      diagnostics.stream()
          .sorted(Comparator.comparingLong(Diagnostic::getLineNumber))
          .forEach(d -> sb.append(format(d)).append('\n'));
      return sb.toString();
    }

    static String format(Diagnostic<? extends JavaFileObject> d) {
      String file = d.getSource() == null ? "<none>" : d.getSource().getName();
      return file + ":" + d.getLineNumber() + ": " + d.getKind().name().toLowerCase(Locale.ROOT) + ": "
          + d.getMessage(Locale.ROOT);
    }
  }

  private record Expected(Source source, long line, Diagnostic.Kind kind, String text) {}

  private record Source(String name, String text) {
    URI uri() {
      return URI.create("string:///" + name);
    }

    JavaFileObject fileObject() {
      return new SimpleJavaFileObject(uri(), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      };
    }
  }

  /** Keeps class files in memory and throws them away: the tests only want diagnostics. */
  private static final class DiscardingFileManager extends ForwardingJavaFileManager<JavaFileManager> {
    DiscardingFileManager(JavaFileManager fm) {
      super(fm);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream();
        }
      };
    }
  }
}
