package dev.custody.checker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.checker.testing.CheckerHarness;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The plugin's wiring: arguments, pass selection, and the cheap pre-scan that avoids CFGs. */
class CustodyPluginTest {
  private static final String SOURCE = """
      package p;
      import dev.custody.Owned;
      class A {
        static void send(Owned<String> o) {}
        int plain(int x) { return x + 1; }
        String strings(String s) { return s.trim(); }
        void borrowsOnly(Owned<String> o) { o.get(); o.isLive(); }
        void moves() {
          Owned<String> o = Owned.of("x");
          send(o);
          o.get();
        }
      }
      """;

  private static String statsNote(CheckerHarness.Result r) {
    return r.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.startsWith("[custody] "))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void only_methods_where_a_linear_value_can_move_get_a_control_flow_graph() {
    CheckerHarness.Result r = CheckerHarness.create().pluginArgs("stats only=ownership").addSource("p/A.java", SOURCE).compile();
    assertThat(r.withKey("custody.ownership")).hasSize(1);
    assertThat(statsNote(r)).contains("checked 1 classes; built 1 control-flow graphs");
  }

  @Test
  void only_and_skip_select_passes() {
    assertThat(CheckerHarness.create().pluginArgs("skip=ownership").addSource("p/A.java", SOURCE).compile()
        .withKey("custody.ownership")).isEmpty();
    assertThat(CheckerHarness.create().pluginArgs("only=custody.ownership").addSource("p/A.java", SOURCE)
        .compile().withKey("custody.ownership")).hasSize(1);
  }

  @Test
  void unknown_pass_name_is_an_error() {
    assertThatThrownBy(() -> CheckerHarness.create().pluginArgs("only=nosuch")
            .addSource("p/A.java", SOURCE).compile())
        .hasStackTraceContaining("no pass 'nosuch'");
  }

  @Test
  void violations_are_javac_errors_so_the_compilation_fails() {
    CheckerHarness.Result r = CheckerHarness.create().addSource("p/A.java", SOURCE).compile();
    assertThat(r.success()).isFalse();
    assertThat(r.withKey("custody.ownership")).singleElement()
        .satisfies(d -> {
          assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.ERROR);
          assertThat(d.getLineNumber()).isEqualTo(11);
          assertThat(d.getMessage(Locale.ROOT))
              .isEqualTo("[custody.ownership] use of moved value 'o' (moved at line 10)");
        });
  }

  @Test
  void generated_classes_are_trusted_unless_asked() {
    String generated = SOURCE.replace("class A {", "@javax.annotation.processing.Generated(\"gen\") class A {");
    assertThat(CheckerHarness.create().addSource("p/A.java", generated).compile().withKey("custody.ownership"))
        .isEmpty();
    assertThat(CheckerHarness.create().pluginArgs("generated").addSource("p/A.java", generated).compile()
        .withKey("custody.ownership")).hasSize(1);
  }
}
