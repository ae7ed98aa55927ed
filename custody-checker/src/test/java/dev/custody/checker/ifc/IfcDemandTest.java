package dev.custody.checker.ifc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.checker.testing.CheckerHarness;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pass is demand-driven: only bodies a label can reach get a control-flow graph (see {@code
 * Program#closure}); label-free code costs no CFG, and leaks are still found.
 */
class IfcDemandTest {
  private static final String LABEL_FREE = """
      package p;
      import java.util.List;
      class Plain {
        int f;
        static final String NAME = "plain".trim();
        int add(int x) { return x + f; }
        void loop(List<String> xs) { for (String s : xs) { System.out.println(s.length() + add(1)); } }
        Runnable later() { return () -> System.out.println(add(2)); }
        static { System.out.println("init"); }
      }
      """;
  private static final String LABELLED = """
      package p;
      import dev.custody.ifc.Label;
      class Leaky {
        static void hop(String s) { System.out.println(s); }
        void leak(@Label("secret") String pin) { hop(pin); }
      }
      """;

  @BeforeEach
  void statsOn() {
    System.setProperty(IfcPass.STATS_PROPERTY, "");
  }

  @AfterEach
  void statsOff() {
    System.clearProperty(IfcPass.STATS_PROPERTY);
  }

  private static String note(CheckerHarness.Result r, String prefix) {
    return r.diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no note " + prefix + " in\n" + r.render()));
  }

  private static java.util.List<Long> errors(CheckerHarness.Result r) {
    return r.withKey("custody.ifc").stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(Diagnostic::getLineNumber).toList();
  }

  @Test
  void label_free_classes_get_no_control_flow_graph() {
    CheckerHarness.Result r = CheckerHarness.create().pluginArgs("stats only=ifc")
        .addSource("p/Plain.java", LABEL_FREE).compile();
    assertThat(r.success()).isTrue();
    assertThat(note(r, "[custody] ")).contains("built 0 control-flow graphs");
    assertThat(note(r, "[custody.ifc] stats")).contains("0 reachable from a label, 0 CFGs (0 late)");
  }

  @Test
  void only_the_label_closure_gets_control_flow_graphs_and_the_leak_is_still_found() {
    CheckerHarness.Result r = CheckerHarness.create().pluginArgs("stats only=ifc")
        .addSource("p/Plain.java", LABEL_FREE).addSource("p/Leaky.java", LABELLED).compile();
    assertThat(errors(r)).containsExactly(5L);
    // Leaky.leak (the seed) and Leaky.hop (its callee); nothing of Plain, not even constructors
    // or its field initializer.
    assertThat(note(r, "[custody] ")).contains("built 2 control-flow graphs");
    assertThat(note(r, "[custody.ifc] stats")).contains("10 bodies, 2 reachable from a label, 2 CFGs (0 late)");
  }

  @Test
  void under_a_policy_that_lowers_class_by_class_every_body_gets_a_graph_and_leaks_are_found() {
    CheckerHarness.Result r = CheckerHarness.create().pluginArgs("stats only=ifc")
        .options("-XDcompilePolicy=byfile")
        .addSource("p/Plain.java", LABEL_FREE).addSource("p/Leaky.java", LABELLED).compile();
    assertThat(errors(r)).containsExactly(5L);
    assertThat(note(r, "[custody.ifc] stats")).contains("10 bodies, 2 reachable from a label, 10 CFGs (0 late)");
  }
}
