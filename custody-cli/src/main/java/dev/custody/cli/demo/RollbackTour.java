package dev.custody.cli.demo;

import dev.custody.netfn.firewall.RollbackDemo;

/**
 * Part three of the demo: the firewall's rule database is checkpointed by generated code; a rule
 * update that fails half way is rolled back in place, so the running firewall never sees it.
 */
public final class RollbackTour {
  private final Style out;

  public RollbackTour(Style out) {
    this.out = out;
  }

  /** Runs the tour; returns true when the failed update left no trace. */
  public boolean run() {
    out.section("3", "Automation: a failed firewall update, rolled back from a generated checkpoint");
    RollbackDemo.Outcome o = RollbackDemo.run(out::line);
    out.line(o.rolledBack()
        ? out.good("the half-applied batch is gone: same rules, same verdict, sharing intact")
        : out.bad("the failed update left traces"));
    return !"none".equals(o.failure()) && o.rolledBack();
  }
}
