package dev.custody.checker.ifc;

import dev.custody.checker.testing.CheckerHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every case under {@code src/test/resources/ifc/}: a small program whose expected diagnostics
 * are marked on their lines; each rule has a leaking method (marked) and a clean one (unmarked,
 * so it must stay silent).
 */
class IfcCasesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "PaperBuffer.java",
      "ImplicitFlows.java",
      "StrongUpdates.java",
      "Summaries.java",
      "Declassification.java",
      "Lambdas.java",
      "FarSources.java",
      "LambdaFlows.java",
      "FieldInitializers.java",
      "LibraryExceptions.java",
  })
  void case_matches_its_markers(String file) {
    CheckerHarness.create().addResource("ifc/" + file).expectMarkedDiagnostics();
  }

  /** Under a policy that lowers class by class every body gets its graph up front: same results. */
  @ParameterizedTest
  @ValueSource(strings = {"LambdaFlows.java", "FieldInitializers.java", "LibraryExceptions.java"})
  void case_matches_its_markers_when_every_body_is_built_eagerly(String file) {
    CheckerHarness.create().options("-XDcompilePolicy=byfile").addResource("ifc/" + file).expectMarkedDiagnostics();
  }
}
