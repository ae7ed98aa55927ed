package dev.custody.checker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The harness itself: markers are matched by line and text, and nothing else may be reported. */
class CheckerHarnessTest {

  @Test
  void marked_javac_error_is_matched_on_its_line() {
    CheckerHarness.create()
        .addSource("p/A.java", """
            package p;
            class A {
              int f() { return nope; } // error: cannot find symbol
            }
            """)
        .expectMarkedDiagnostics();
  }

  @Test
  void unexpected_error_fails() {
    assertThatThrownBy(() -> CheckerHarness.create()
            .addSource("p/A.java", "package p;\nclass A { int f() { return nope; } }\n")
            .expectMarkedDiagnostics())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("unexpected")
        .hasMessageContaining("cannot find symbol");
  }

  @Test
  void marker_on_the_wrong_line_fails() {
    assertThatThrownBy(() -> CheckerHarness.create()
            .addSource("p/A.java", """
                package p;
                class A { // error: cannot find symbol
                  int f() { return nope; }
                }
                """)
            .expectMarkedDiagnostics())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("missing error at p/A.java:2");
  }

  @Test
  void plugin_loads_and_clean_source_compiles() {
    CheckerHarness.Result r = CheckerHarness.create()
        .addSource("p/A.java", "package p;\nclass A { dev.custody.Owned<String> o = dev.custody.Owned.of(\"x\"); }\n")
        .expectMarkedDiagnostics();
    assertThat(r.success()).isTrue();
  }

  @Test
  void unknown_plugin_argument_is_reported() {
    assertThatThrownBy(() -> CheckerHarness.create().pluginArgs("bogus=1")
            .addSource("p/A.java", "package p;\nclass A {}\n").compile())
        .hasStackTraceContaining("unknown argument 'bogus=1'");
  }
}
