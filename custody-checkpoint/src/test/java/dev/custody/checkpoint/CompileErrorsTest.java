package dev.custody.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Shared;
import dev.custody.checkpoint.processor.CheckpointProcessor;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compiles small sources in memory with the processor given explicitly, and checks that each
 * unsupported construct is a compile error that names the element and is reported on it (the
 * line marked {@code // <-}, at the column of the name).
 */
class CompileErrorsTest {
  @TempDir Path out;

  record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    List<Diagnostic<? extends JavaFileObject>> errors() {
      return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }
  }

  Result compile(String className, String source) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    JavaFileObject file =
        new SimpleJavaFileObject(URI.create("string:///p/" + className + ".java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    String classpath =
        Stream.of(Shared.class, Checkpointable.class)
            .map(c -> Path.of(toUri(c)).toString())
            .distinct()
            .reduce((a, b) -> a + File.pathSeparator + b)
            .orElseThrow();
    var fm = javac.getStandardFileManager(diags, Locale.ROOT, null);
    JavaCompiler.CompilationTask task =
        javac.getTask(
            null, fm, diags,
            List.of("-classpath", classpath, "-d", out.toString(), "-s", Files.createDirectories(out.resolve("gen")).toString(), "-proc:full"),
            null, List.of(file));
    task.setProcessors(List.of(new CheckpointProcessor()));
    boolean ok = task.call();
    return new Result(ok, diags.getDiagnostics());
  }

  static URI toUri(Class<?> c) {
    try {
      return c.getProtectionDomain().getCodeSource().getLocation().toURI();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static final String HEADER =
      "package p;\nimport dev.custody.Shared;\nimport dev.custody.checkpoint.Checkpointable;\nimport java.util.*;\n";

  static Stream<Arguments> badSources() {
    return Stream.of(
        Arguments.of("unsupported field type", "@Checkpointable final class Bad {\n  Object thing; // <-\n}", "thing", "is not checkpointable"),
        Arguments.of("unsupported container", "@Checkpointable final class Bad {\n  Optional<String> maybe; // <-\n}", "maybe", "java.util.Optional<java.lang.String> is not checkpointable"),
        Arguments.of("unsupported element", "@Checkpointable final class Bad {\n  List<Object> things; // <-\n}", "things", "java.lang.Object is not checkpointable"),
        Arguments.of("unsupported map value", "@Checkpointable final class Bad {\n  Map<String, Thread> threads; // <-\n}", "threads", "java.lang.Thread is not checkpointable"),
        Arguments.of("Shared of unsupported", "@Checkpointable final class Bad {\n  Shared<StringBuilder> text; // <-\n}", "text", "java.lang.StringBuilder is not checkpointable"),
        Arguments.of("non-checkpointable class", "@Checkpointable final class Bad {\n  Helper helper; // <-\n}\nfinal class Helper {}", "helper", "p.Helper is not checkpointable"),
        Arguments.of("raw type", "@Checkpointable final class Bad {\n  @SuppressWarnings(\"rawtypes\") List raw; // <-\n}", "raw", "raw type"),
        Arguments.of("wildcard", "@Checkpointable final class Bad {\n  List<? extends Number> numbers; // <-\n}", "numbers", "? extends java.lang.Number"),
        Arguments.of("private field", "@Checkpointable final class Bad {\n  private int secret; // <-\n}", "secret", "is private"),
        Arguments.of("final scalar", "@Checkpointable final class Bad {\n  final int fixed = 1; // <-\n}", "fixed", "is final"),
        Arguments.of("final Shared", "@Checkpointable final class Bad {\n  final Shared<String> name = Shared.of(\"n\"); // <-\n}", "name", "is final"),
        Arguments.of("record component", "@Checkpointable record Bad(int ok,\n  Object notOk) { // <-\n}", "notOk", "record component 'notOk'"),
        Arguments.of("non-static inner class", "final class Outer {\n  @Checkpointable final class Inner { // <-\n    int x;\n  }\n}", "Inner", "non-static inner class"),
        Arguments.of("non-final class", "@Checkpointable class Bad { // <-\n  int x;\n}", "Bad", "must be final"),
        Arguments.of("no no-arg constructor", "@Checkpointable final class Bad { // <-\n  int x;\n  Bad(int x) { this.x = x; }\n}", "Bad", "no-argument constructor"),
        Arguments.of("private nested type", "final class Outer {\n  @Checkpointable private static final class Hidden { // <-\n    int x;\n  }\n}", "Hidden", "is private"),
        Arguments.of("generic class", "@Checkpointable final class Bad<T> { // <-\n  int x;\n}", "Bad", "type parameters"),
        Arguments.of("subclass", "class Base {}\n@Checkpointable final class Bad extends Base { // <-\n  int x;\n}", "Bad", "must extend Object"),
        Arguments.of("interface", "@Checkpointable interface Bad { // <-\n}", "Bad", "applies to classes and records"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSources")
  void unsupportedConstructIsACompileErrorOnTheElement(String what, String body, String name, String reason) throws Exception {
    String source = HEADER + body + "\n";
    String className = source.contains("class Outer") ? "Outer" : "Bad";
    Result r = compile(className, source);
    assertThat(r.success()).as(what).isFalse();
    List<Diagnostic<? extends JavaFileObject>> errors =
        r.errors().stream().filter(d -> d.getMessage(Locale.ROOT).startsWith("[custody.checkpoint]")).toList();
    assertThat(errors).as(what + ": " + r.diagnostics()).hasSize(1);
    Diagnostic<? extends JavaFileObject> d = errors.get(0);
    String message = d.getMessage(Locale.ROOT);
    assertThat(message).contains(name).contains(reason);
    String[] lines = source.split("\n", -1);
    int markedLine = 0;
    while (!lines[markedLine].contains("// <-")) {
      markedLine++;
    }
    assertThat(d.getLineNumber()).as(what + " line: " + message).isEqualTo(markedLine + 1);
    String line = lines[markedLine];
    int col = (int) d.getColumnNumber() - 1;
    // javac puts a field's or component's diagnostic at its name, a type's at its keyword.
    assertThat(line.substring(col)).as(what + " column").matches("^((class|interface|record) )?" + name + "\\b.*");
  }

  @Test
  void validSourceCompilesAndItsCodecRuns() throws Exception {
    Result r =
        compile(
            "Good",
            HEADER
                + "@Checkpointable public final class Good {\n  public int x;\n  public Shared<List<String>> names;\n  public Good() {}\n}\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.success()).isTrue();
    assertThat(out.resolve("p/Good_Checkpoint.class")).exists();
    assertThat(out.resolve("gen/p/Good_Checkpoint.java")).content().contains("public static Good copyOf(Good src, CopyContext ctx)");
    assertThat(out.resolve("META-INF/services/dev.custody.checkpoint.CheckpointCodec")).content().contains("p.Good_Checkpoint");
  }
}
