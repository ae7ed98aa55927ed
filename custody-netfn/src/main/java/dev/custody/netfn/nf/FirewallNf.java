package dev.custody.netfn.nf;

import dev.custody.Borrowed;
import dev.custody.netfn.firewall.Action;
import dev.custody.netfn.firewall.RuleDatabase;
import dev.custody.netfn.packet.DropCounters;
import dev.custody.netfn.packet.DropReason;
import dev.custody.netfn.packet.FlowParser;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pipeline.NetFunction;

/**
 * A stateless packet filter over a {@link RuleDatabase}: each packet's IPv4 5-tuple is matched
 * first-match against the rules; {@link Action#DENY} drops it (counted as {@link
 * DropReason#FIREWALL_DENY}). Packets that do not parse as Ethernet/IPv4 are counted drops under
 * their own reason: a firewall does not pass what it cannot inspect. Non-first fragments and
 * protocols without ports match with ports 0.
 *
 * <p>Not thread-safe, like the database: one instance per stage (per domain).
 */
public final class FirewallNf implements NetFunction {
  private final RuleDatabase rules;
  private final FlowParser parser = new FlowParser();
  private final DropCounters drops = new DropCounters();
  private long allowed;

  public FirewallNf(RuleDatabase rules) {
    this.rules = rules;
  }

  @Override
  public void process(@Borrowed PacketBatch batch) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isDropped(i)) {
        continue;
      }
      DropReason bad = parser.parse(batch, i);
      if (bad == null) {
        Action a = rules.match(parser.srcIp(), parser.dstIp(), parser.srcPort(), parser.dstPort(),
            parser.protocol());
        if (a == Action.ALLOW) {
          allowed++;
          continue;
        }
        bad = DropReason.FIREWALL_DENY;
      }
      drops.count(bad);
      batch.drop(i);
    }
  }

  /** The rule database this filter consults (borrowed: updates go through it). */
  public RuleDatabase rules() {
    return rules;
  }

  public long allowed() {
    return allowed;
  }

  @Override
  public DropCounters drops() {
    return drops;
  }
}
