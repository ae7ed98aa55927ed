package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.cli.demo.ConfinementTour;
import dev.custody.cli.demo.IsolationTour;
import dev.custody.cli.demo.PipelineTour;
import dev.custody.cli.demo.RollbackTour;
import dev.custody.cli.demo.Style;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
  /**
   * The project root, where the build left the example jars: surefire sets {@code custody.home}
   * (see this module's pom); tests run in custody-cli/, so its parent otherwise.
   */
  static Path home() {
    String h = System.getProperty("custody.home");
    return h != null ? Path.of(h) : Path.of("").toAbsolutePath().getParent();
  }

  @Test
  void isolationTourFailsRecoversAndSucceedsAgain() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean ok = IsolationTour.runTo(new PrintStream(buf, true, StandardCharsets.UTF_8));
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(text).isTrue();
    assertThat(text)
        .contains("DomainFailedException")
        .contains("ArrayIndexOutOfBoundsException")
        .contains("tokenizer: state RUNNING, failures 1")
        .contains("3 words, running total 9");
  }

  @Test
  void pipelineTourLosesOnlyTheFaultyBatchAndLeaksNothing() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    assertThat(Files.isRegularFile(home().resolve("examples-confined-stage/target/confined-stage.jar")))
        .as("the build produces the stage jar under " + home()).isTrue();
    boolean ok = new PipelineTour(new Style(new PrintStream(buf, true, StandardCharsets.UTF_8), false), home()).run();
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(text).isTrue();
    assertThat(text).contains("Maglev recovered: yes").contains("nothing leaked")
        .contains("firewall → router → Maglev → sink")
        .contains("stage    \"router\" was loaded from examples-confined-stage/target/confined-stage.jar"
            + " as a confined domain (own class loader 'confined:router', bytecode validated)");
  }

  @Test
  void pipelineTourSaysSoWhenTheStageJarIsMissing(@TempDir Path emptyHome) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean ok = new PipelineTour(new Style(new PrintStream(buf, true, StandardCharsets.UTF_8), false), emptyHome).run();
    assertThat(ok).isFalse();
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("router stage jar not built");
  }

  @Test
  void confinementTourRecoversTheStageCleanAndRefusesTheHostileJar() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
    boolean ok = new ConfinementTour(new Style(ps, false), ps, home()).run();
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(text).isTrue();
    assertThat(text).contains("statics clean): processed = 0 (generation 2)")
        .contains("examples-hostile-plugin/target/hostile-plugin.jar refused, domain not created")
        .contains("java.lang.System.exit");
  }

  @Test
  void rollbackTourLeavesTheRulesAsTheyWere() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean ok = new RollbackTour(new Style(new PrintStream(buf, true, StandardCharsets.UTF_8), false)).run();
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(text).isTrue();
    assertThat(text).contains("update failed: rule update 2").contains("rolled back: 3 rules").contains("the half-applied batch is gone");
  }

  @Test
  void unknownSubcommandPrintsHelpAndExitsTwo() {
    assertThat(CustodyCli.run("no-such-command")).isEqualTo(2);
    assertThat(CustodyCli.run()).isEqualTo(2);
  }

  @Test
  void everySubcommandTakesHelp() {
    for (String[] cmd : new String[][] {{"demo"}, {"check"}, {"validate"}, {"report"}, {"bench", "isolation"},
        {"bench", "checkpoint"}}) {
      String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 1);
      args[cmd.length] = "--help";
      assertThat(CustodyCli.run(args)).as(String.join(" ", args)).isZero();
    }
  }
}
