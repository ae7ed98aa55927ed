package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code custody check}: exit codes 0/1/2 and javac-style output. */
class CheckCommandTest {
  @TempDir Path dir;
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new CheckCommand());
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }

  private static final String CLEAN = """
      package p;
      import dev.custody.Owned;
      class Clean {
        static void send(Owned<String> o) {}
        void f() {
          Owned<String> o = Owned.of("x");
          o.get();
          send(o);
        }
      }
      """;

  private static final String MOVED = """
      package p;
      import dev.custody.Owned;
      class Moved {
        static void send(Owned<String> o) {}
        void f() {
          Owned<String> nonsec = Owned.of("x");
          send(nonsec);
          System.out.println(nonsec);
        }
      }
      """;

  @Test
  void clean_sources_exit_0() throws IOException {
    assertThat(run(write("p/Clean.java", CLEAN).toString())).as(err.toString()).isEqualTo(0);
  }

  @Test
  void a_violation_exits_1_and_prints_it_like_javac() throws IOException {
    Path f = write("p/Moved.java", MOVED);
    assertThat(run(f.toString())).as(err.toString()).isEqualTo(1);
    assertThat(err.toString()).contains(
        f + ":8: error: [custody.ownership] use of moved value 'nonsec' (moved at line 7)\n"
            + "    System.out.println(nonsec);\n"
            + "                       ^\n")
        .contains("1 error");
  }

  @Test
  void directories_are_searched_recursively() throws IOException {
    write("a/p/Clean.java", CLEAN);
    write("b/deeper/p/Moved.java", MOVED);
    assertThat(run(dir.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("Moved.java:8: error: [custody.ownership]");
  }

  @Test
  void sources_that_do_not_compile_exit_2() throws IOException {
    write("p/Moved.java", MOVED);
    write("p/Broken.java", "package p; class Broken { int f() { return nope; } }");
    assertThat(run(dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("Broken.java:1: error: cannot find symbol");
  }

  @Test
  void bad_usage_exits_2() throws IOException {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("give at least one .java file or directory");
    assertThat(run(dir.resolve("missing.java").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file or directory");
    assertThat(run(write("notes.txt", "hi").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a .java file");
    Files.createDirectories(dir.resolve("empty"));
    assertThat(run(dir.resolve("empty").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no .java files");
  }

  @Test
  void sources_using_generated_proxies_and_checkpoint_code_compile() throws IOException {
    write("p/Greeter.java", """
        package p;
        import dev.custody.domains.CrossDomainException;
        import dev.custody.domains.DomainInterface;
        @DomainInterface
        public interface Greeter { String greet(String who) throws CrossDomainException; }
        """);
    write("p/Counter.java", """
        package p;
        import dev.custody.checkpoint.Checkpointable;
        @Checkpointable
        public final class Counter { int n; }
        """);
    write("p/Uses.java", """
        package p;
        import dev.custody.domains.CrossDomainException;
        import dev.custody.checkpoint.Checkpoint;
        import dev.custody.checkpoint.Checkpoints;
        import dev.custody.domains.RRef;
        class Uses {
          static String greet(RRef<Greeter> ref) throws CrossDomainException {
            return GreeterProxy.of(ref).greet("x");
          }
          static Checkpoint<Counter> snapshot(Counter c) {
            return Checkpoints.take(c, Counter_Checkpoint.INSTANCE);
          }
        }
        """);
    assertThat(run(dir.toString())).as(err.toString()).isEqualTo(0);
  }

  @Test
  void check_is_a_subcommand_of_custody() throws IOException {
    assertThat(CustodyCli.run("check", write("p/Clean.java", CLEAN).toString())).isEqualTo(0);
  }

  @Test
  void the_papers_buffer_reports_both_errors_in_source_order() throws IOException {
    // The checker's own test resource: the paper's §4 program with the secret appended.
    Path paper = Path.of(System.getProperty("custody.home", "..")).resolve(
        "custody-checker/src/test/resources/ifc/PaperBuffer.java");
    Path copy = write("PaperBuffer.java", Files.readString(paper));
    assertThat(run(copy.toString())).as(err.toString()).isEqualTo(1);
    String out = err.toString();
    int ifc = out.indexOf("PaperBuffer.java:16: error: [custody.ifc] secret value reaches public channel PrintStream.println");
    int own = out.indexOf("PaperBuffer.java:17: error: [custody.ownership] use of moved value 'nonsec' (moved at line 14)");
    assertThat(ifc).as(out).isNotNegative();
    assertThat(own).as(out).isGreaterThan(ifc);
    assertThat(out).contains("2 errors");
  }
}
