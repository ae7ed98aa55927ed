package dev.custody.cli.demo;

import dev.custody.netfn.demo.PipelineDemo;
import dev.custody.netfn.firewall.Action;
import dev.custody.netfn.firewall.InvalidRuleUpdateException;
import dev.custody.netfn.firewall.Ipv4;
import dev.custody.netfn.firewall.PortRange;
import dev.custody.netfn.firewall.Prefix;
import dev.custody.netfn.firewall.Rule;
import dev.custody.netfn.firewall.RuleDatabase;
import dev.custody.netfn.firewall.RuleUpdate;
import java.util.List;

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
    RuleDatabase db = PipelineDemo.demoRules();
    int src = Ipv4.parse("203.0.113.7");
    int dst = Ipv4.parse("10.0.0.5");
    Action before = db.match(src, dst, 40000, 22, Rule.TCP);
    int countBefore = db.size();
    out.line(String.format("before: %d rules; ssh 203.0.113.7 → 10.0.0.5:22 is %s", countBefore, before));
    List<RuleUpdate> update = List.of(
        new RuleUpdate.Replace(new Rule(10, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.of(22), Rule.TCP, Action.ALLOW)),
        new RuleUpdate.Add(new Rule(40, Prefix.parse("198.51.100.0/24"), Prefix.ANY, PortRange.ANY, PortRange.ANY,
            Rule.ANY_PROTOCOL, Action.DENY)),
        new RuleUpdate.Add(new Rule(20, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.of(8080), Rule.TCP, Action.DENY)));
    out.line("update: open ssh (replace rule 10), add rule 40, add rule 20 (a duplicate priority: invalid)");
    boolean failed = false;
    try {
      db.apply(update);
    } catch (InvalidRuleUpdateException e) {
      failed = true;
      out.line("    " + out.bad("rejected") + ": " + e.getMessage());
    }
    Action after = db.match(src, dst, 40000, 22, Rule.TCP);
    out.line(String.format("after:  %d rules; ssh 203.0.113.7 → 10.0.0.5:22 is %s  %s", db.size(), after,
        after == before && db.size() == countBefore ? out.good("(rolled back: the first two updates are gone too)") : out.bad("(NOT rolled back)")));
    out.line("sharing intact after the restore (each rule one object, reached from list and both tries): "
        + db.sharingIntact());
    return failed && after == before && db.size() == countBefore && db.sharingIntact();
  }
}
