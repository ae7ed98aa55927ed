package dev.custody.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.cli.demo.IsolationTour;
import dev.custody.cli.demo.PipelineTour;
import dev.custody.cli.demo.RollbackTour;
import dev.custody.cli.demo.Style;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {
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
    boolean ok = new PipelineTour(new Style(new PrintStream(buf, true, StandardCharsets.UTF_8), false)).run();
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(text).isTrue();
    assertThat(text).contains("Maglev recovered: yes").contains("nothing leaked");
  }

  @Test
  void rollbackTourLeavesTheRulesAsTheyWere() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean ok = new RollbackTour(new Style(new PrintStream(buf, true, StandardCharsets.UTF_8), false)).run();
    String text = buf.toString(StandardCharsets.UTF_8);
    assertThat(ok).as(text).isTrue();
    assertThat(text).contains("before: 3 rules").contains("after:  3 rules").contains("is DENY  (rolled back");
  }

  @Test
  void unknownSubcommandPrintsHelpAndExitsTwo() {
    assertThat(CustodyCli.run("no-such-command")).isEqualTo(2);
    assertThat(CustodyCli.run()).isEqualTo(2);
  }
}
