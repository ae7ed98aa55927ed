package dev.custody.netfn.nf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.netfn.firewall.Action;
import dev.custody.netfn.firewall.PortRange;
import dev.custody.netfn.firewall.Prefix;
import dev.custody.netfn.firewall.Rule;
import dev.custody.netfn.firewall.RuleDatabase;
import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.packet.Bytes;
import dev.custody.netfn.packet.DropReason;
import dev.custody.netfn.packet.FlowParser;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The firewall NF's verdicts against a brute-force first-match oracle over the same rules. */
class FirewallNfTest {
  static List<Rule> randomRules(SplittableRandom rnd, FlowGenerator gen, int n) {
    List<Rule> rules = new ArrayList<>();
    int[] protos = {Rule.ANY_PROTOCOL, Rule.TCP, Rule.UDP};
    for (int i = 0; i < n; i++) {
      int f = rnd.nextInt(gen.flows());
      Prefix src = rnd.nextInt(4) == 0 ? Prefix.ANY : Prefix.of(gen.srcIp(f), 8 + rnd.nextInt(25));
      Prefix dst = rnd.nextInt(3) == 0 ? Prefix.ANY : Prefix.of(gen.dstIp(f), 16 + rnd.nextInt(17));
      int lo = rnd.nextInt(2) == 0 ? 0 : Math.max(0, gen.dstPort(f) - rnd.nextInt(100));
      int hi = Math.min(65535, lo + rnd.nextInt(70000));
      PortRange dports = rnd.nextInt(3) == 0 ? PortRange.ANY : new PortRange(lo, Math.max(lo, hi));
      PortRange sports = rnd.nextInt(5) == 0 ? new PortRange(1024, 30000) : PortRange.ANY;
      rules.add(new Rule(i * 10 + rnd.nextInt(10), src, dst, sports, dports,
          protos[rnd.nextInt(3)], rnd.nextBoolean() ? Action.ALLOW : Action.DENY));
    }
    return rules;
  }

  static Action oracle(List<Rule> rules, Action dflt, int s, int d, int sp, int dp, int proto) {
    return rules.stream().sorted(Comparator.comparingInt(Rule::priority))
        .filter(r -> r.matches(s, d, sp, dp, proto)).map(Rule::action).findFirst().orElse(dflt);
  }

  @Test
  void verdictsMatchBruteForceOracle() {
    SplittableRandom rnd = new SplittableRandom(2024);
    for (int trial = 0; trial < 20; trial++) {
      FlowGenerator gen = new FlowGenerator(500, 64, 0.5, -1, trial);
      List<Rule> rules = randomRules(rnd, gen, 5 + rnd.nextInt(200));
      Action dflt = trial % 2 == 0 ? Action.DENY : Action.ALLOW;
      FirewallNf fw = new FirewallNf(RuleDatabase.of(dflt, rules));
      try (PacketPool pool = new PacketPool("fw", 256)) {
        FlowParser p = new FlowParser();
        long allowed = 0;
        long denied = 0;
        for (int round = 0; round < 2; round++) {
          try (PacketBatch b = PacketBatch.create(pool, 250)) {
            gen.fill(b);
            Action[] expected = new Action[b.size()];
            for (int i = 0; i < b.size(); i++) {
              assertThat(p.parse(b, i)).isNull();
              expected[i] = oracle(rules, dflt, p.srcIp(), p.dstIp(), p.srcPort(), p.dstPort(), p.protocol());
            }
            fw.process(b);
            for (int i = 0; i < expected.length; i++) {
              assertThat(b.isDropped(i)).as("trial %d packet %d", trial, i)
                  .isEqualTo(expected[i] == Action.DENY);
              if (expected[i] == Action.DENY) {
                denied++;
              } else {
                allowed++;
              }
            }
          }
        }
        assertThat(fw.allowed()).isEqualTo(allowed);
        assertThat(fw.drops().get(DropReason.FIREWALL_DENY)).isEqualTo(denied);
        assertThat(pool.inUse()).isZero();
      }
    }
  }

  @Test
  void malformedPacketsAreCountedDropsNotVerdicts() {
    FirewallNf fw = new FirewallNf(new RuleDatabase(Action.ALLOW));
    try (PacketPool pool = new PacketPool("fw", 8); PacketBatch b = PacketBatch.create(pool, 4)) {
      new FlowGenerator(4, 64, 0, -1, 1).fill(b);
      b.setLength(0, 10);
      Bytes.u8(b.segment(1), 14, 0x44);
      Bytes.u16(b.segment(2), 16, 20);
      fw.process(b);
      assertThat(fw.drops().get(DropReason.SHORT_PACKET)).isEqualTo(1);
      assertThat(fw.drops().get(DropReason.BAD_IHL)).isEqualTo(1);
      assertThat(fw.drops().get(DropReason.BAD_TRANSPORT_HEADER)).isEqualTo(1);
      assertThat(fw.allowed()).isEqualTo(1);
    }
  }
}
