package dev.custody.checker.ownership;

import dev.custody.checker.testing.CheckerHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every case under {@code src/test/resources/ownership/}: a small program whose expected
 * {@code [custody.ownership]} errors are marked on their lines ({@code // error: …}); unmarked
 * programs and methods must compile clean.
 */
class OwnershipCasesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "MoveBasics.java",
      "ControlFlow.java",
      "Captures.java",
      "Borrows.java",
      "Fields.java",
      "OwnedHandles.java",
      "PaperExample.java",
      "MoreForms.java",
      "CleanCases.java",
  })
  void case_matches_its_markers(String file) {
    CheckerHarness.create().addResource("ownership/" + file).expectMarkedDiagnostics();
  }
}
