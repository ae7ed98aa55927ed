package dev.custody.cli;

import dev.custody.cli.demo.ConfinementTour;
import dev.custody.cli.demo.IsolationTour;
import dev.custody.cli.demo.PipelineTour;
import dev.custody.cli.demo.RollbackTour;
import dev.custody.cli.demo.Style;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code custody demo}: the main job, a tour of isolation, recovery and checkpointing. */
@Command(name = "demo", description = "Run the demo: domains, a fault, recovery, the packet pipeline.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() throws Exception {
    Style out = Style.forStdout();
    out.title("Custody demo — Rust-style ownership for the JVM");
    boolean ok = new IsolationTour(out).run();
    ok &= new PipelineTour(out).run();
    ok &= new RollbackTour(out).run();
    ok &= new ConfinementTour(out, System.out).run();
    out.blank();
    out.line(ok ? out.good("demo finished: every step behaved as designed") : out.bad("demo finished with unexpected results"));
    return ok ? 0 : 1;
  }
}
