package dev.custody.netfn.firewall;

import java.util.List;
import java.util.function.Consumer;

/**
 * The checkpointing scene of {@code custody demo}: a firewall rule update that fails half-way
 * and is rolled back, shown by the rule count and a lookup before and after. The caller decides
 * how to print the lines.
 *
 * <p>Stateless; each {@link #run} builds its own database.
 */
public final class RollbackDemo {
  private RollbackDemo() {}

  /** What happened: the rule count and the probe's verdict before and after the failed batch. */
  public record Outcome(
      int rulesBefore, Action lookupBefore, String failure, int rulesAfter, Action lookupAfter,
      boolean rolledBack) {}

  /** The probe packet: 10.0.0.5:40000 -> 192.168.1.10:443, TCP. */
  public static final String PROBE = "10.0.0.5:40000 -> 192.168.1.10:443 tcp";

  /** Runs the scene, sending each line of narration to {@code out}. */
  public static Outcome run(Consumer<String> out) {
    RuleDatabase db = RuleDatabase.of(Action.DENY, List.of(
        new Rule(10, Prefix.parse("10.0.0.0/8"), Prefix.parse("192.168.1.0/24"), PortRange.ANY,
            PortRange.of(443), Rule.TCP, Action.ALLOW),
        new Rule(20, Prefix.parse("10.0.0.0/8"), Prefix.parse("192.168.1.0/24"), PortRange.ANY,
            PortRange.of(22), Rule.TCP, Action.DENY),
        new Rule(30, Prefix.ANY, Prefix.parse("192.168.1.53/32"), PortRange.ANY, PortRange.of(53),
            Rule.UDP, Action.ALLOW)));
    int src = Ipv4.parse("10.0.0.5");
    int dst = Ipv4.parse("192.168.1.10");
    List<Rule> rulesBefore = db.rules();
    Action before = db.match(src, dst, 40000, 443, Rule.TCP);
    out.accept("rule database: " + db.size() + " rules (default " + db.defaultAction() + "); "
        + PROBE + " -> " + before);

    List<RuleUpdate> batch = List.of(
        new RuleUpdate.Remove(10),
        new RuleUpdate.Add(new Rule(5, Prefix.parse("10.0.0.0/8"), Prefix.ANY, PortRange.ANY,
            PortRange.ANY, Rule.ANY_PROTOCOL, Action.DENY)),
        new RuleUpdate.Add(new Rule(20, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.of(80),
            Rule.TCP, Action.ALLOW)));
    out.accept("update batch: remove rule 10, add rule 5 (deny 10/8), add rule 20 (duplicate priority)");
    String failure = "none";
    try {
      db.apply(batch);
    } catch (InvalidRuleUpdateException e) {
      failure = e.getMessage();
    }
    out.accept("update failed: " + failure);
    Action after = db.match(src, dst, 40000, 443, Rule.TCP);
    boolean rolledBack = db.rules().equals(rulesBefore) && after == before && db.sharingIntact();
    out.accept("rolled back: " + db.size() + " rules; " + PROBE + " -> " + after
        + (rolledBack ? " (as before the update)" : " (NOT as before!)"));
    return new Outcome(rulesBefore.size(), before, failure, db.size(), after, rolledBack);
  }
}
