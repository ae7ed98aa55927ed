package dev.custody.netfn.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleDatabaseTest {
  static Rule randomRule(Random rnd, int priority) {
    int[] lengths = {0, 4, 8, 12, 16, 20, 24, 28, 32};
    Prefix src = Prefix.of(rnd.nextInt() & 0xF0F0F0F0, lengths[rnd.nextInt(lengths.length)]);
    Prefix dst = Prefix.of(rnd.nextInt() & 0xF0F0F0F0, lengths[rnd.nextInt(lengths.length)]);
    PortRange sp = rnd.nextInt(3) == 0 ? PortRange.ANY : range(rnd);
    PortRange dp = rnd.nextInt(3) == 0 ? PortRange.ANY : range(rnd);
    int proto = switch (rnd.nextInt(4)) {
      case 0 -> Rule.ANY_PROTOCOL;
      case 1 -> Rule.UDP;
      default -> Rule.TCP;
    };
    return new Rule(priority, src, dst, sp, dp, proto, rnd.nextBoolean() ? Action.ALLOW : Action.DENY);
  }

  static PortRange range(Random rnd) {
    int lo = rnd.nextInt(64);
    return new PortRange(lo, lo + rnd.nextInt(64));
  }

  static Action oracle(List<Rule> rules, Action dflt, int s, int d, int sp, int dp, int proto) {
    Rule best = null;
    for (Rule r : rules) {
      if (r.matches(s, d, sp, dp, proto) && (best == null || r.priority() < best.priority())) {
        best = r;
      }
    }
    return best == null ? dflt : best.action();
  }

  @Test
  void firstMatchAgreesWithBruteForceOverRandomRulesAndPackets() throws Exception {
    Random rnd = new Random(42);
    for (int round = 0; round < 5; round++) {
      List<Rule> rules = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        rules.add(randomRule(rnd, rnd.nextInt(1_000_000) * 5 + i % 5));
      }
      rules = new ArrayList<>(rules.stream().collect(java.util.stream.Collectors.toMap(Rule::priority, r -> r, (a, b) -> a)).values());
      Action dflt = round % 2 == 0 ? Action.DENY : Action.ALLOW;
      RuleDatabase db = RuleDatabase.of(dflt, rules);
      assertThat(db.size()).isEqualTo(rules.size());
      assertThat(db.sharingIntact()).isTrue();
      int matched = 0;
      for (int p = 0; p < 20_000; p++) {
        Rule pick = rules.get(rnd.nextInt(rules.size()));
        // Half the packets are aimed inside some rule's prefixes so that matches are common.
        int s = rnd.nextBoolean() ? pick.src().address() | (rnd.nextInt() & ~Prefix.mask(pick.src().length())) : rnd.nextInt() & 0xF0F0F0F0;
        int d = rnd.nextBoolean() ? pick.dst().address() | (rnd.nextInt() & ~Prefix.mask(pick.dst().length())) : rnd.nextInt() & 0xF0F0F0F0;
        int sp = rnd.nextInt(130);
        int dp = rnd.nextInt(130);
        int proto = rnd.nextBoolean() ? Rule.TCP : Rule.UDP;
        Action expected = oracle(rules, dflt, s, d, sp, dp, proto);
        assertThat(db.match(s, d, sp, dp, proto)).as("packet %d", p).isEqualTo(expected);
        if (db.firstMatch(s, d, sp, dp, proto) != null) {
          matched++;
        }
      }
      assertThat(matched).isGreaterThan(1000);
    }
  }

  @Test
  void removeAndReplaceKeepLookupsConsistentWithOracle() throws Exception {
    Random rnd = new Random(7);
    RuleDatabase db = new RuleDatabase();
    List<Rule> model = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Rule r = randomRule(rnd, i * 2);
      db.add(r);
      model.add(r);
    }
    for (int i = 0; i < 300; i++) {
      int victim = rnd.nextInt(model.size());
      if (rnd.nextBoolean()) {
        db.remove(model.remove(victim).priority());
      } else {
        Rule r = randomRule(rnd, model.get(victim).priority());
        db.replace(r);
        model.set(victim, r);
      }
    }
    assertThat(db.rules()).containsExactlyInAnyOrderElementsOf(model);
    assertThat(db.sharingIntact()).isTrue();
    for (int p = 0; p < 20_000; p++) {
      int s = rnd.nextInt() & 0xF0F0F0F0;
      int d = rnd.nextInt() & 0xF0F0F0F0;
      int sp = rnd.nextInt(130);
      int dp = rnd.nextInt(130);
      assertThat(db.match(s, d, sp, dp, Rule.TCP)).isEqualTo(oracle(model, Action.DENY, s, d, sp, dp, Rule.TCP));
    }
  }

  @Test
  void emptyDatabaseAppliesDefaultAction() {
    assertThat(new RuleDatabase().match(1, 2, 3, 4, Rule.TCP)).isEqualTo(Action.DENY);
    assertThat(new RuleDatabase(Action.ALLOW).match(1, 2, 3, 4, Rule.TCP)).isEqualTo(Action.ALLOW);
  }

  @Test
  void failingBatchIsRolledBackAndNamesTheUpdate() throws Exception {
    RuleDatabase db = new RuleDatabase();
    Rule web = new Rule(10, Prefix.ANY, Prefix.parse("10.0.0.0/8"), PortRange.ANY, PortRange.of(80), Rule.TCP, Action.ALLOW);
    db.add(web);
    int inside = Ipv4.parse("10.1.2.3");
    assertThat(db.match(1, inside, 999, 80, Rule.TCP)).isEqualTo(Action.ALLOW);
    RuleDatabase sameObject = db;

    List<RuleUpdate> batch = List.of(
        new RuleUpdate.Remove(10),
        new RuleUpdate.Add(new Rule(5, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.ANY, Rule.ANY_PROTOCOL, Action.ALLOW)),
        new RuleUpdate.Add(new Rule(5, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.ANY, Rule.TCP, Action.DENY)));
    assertThatThrownBy(() -> db.apply(batch))
        .isInstanceOf(InvalidRuleUpdateException.class)
        .hasMessageContaining("rule update 2")
        .hasMessageContaining("priority 5 is already used")
        .satisfies(e -> assertThat(((InvalidRuleUpdateException) e).index()).isEqualTo(2));

    assertThat(sameObject).isSameAs(db);
    assertThat(db.rules()).containsExactly(web);
    assertThat(db.match(1, inside, 999, 80, Rule.TCP)).isEqualTo(Action.ALLOW);
    assertThat(db.match(1, inside, 999, 81, Rule.TCP)).isEqualTo(Action.DENY);
    assertThat(db.sharingIntact()).isTrue();

    assertThatThrownBy(() -> db.remove(11)).hasMessageContaining("no rule has priority 11");
    assertThatThrownBy(() -> db.replace(new Rule(12, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.ANY, 6, Action.DENY)))
        .hasMessageContaining("no rule has priority 12 to replace");
    assertThat(db.rules()).containsExactly(web);
  }

  @Test
  void checkpointCopiesEachRuleOnceAndRestoresSharing() throws Exception {
    Random rnd = new Random(3);
    RuleDatabase db = new RuleDatabase();
    List<RuleUpdate> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(new RuleUpdate.Add(randomRule(rnd, i)));
    }
    db.apply(batch);
    Checkpoint<RuleDatabase> cp = db.checkpoint();
    assertThat(cp.peek().sharingIntact()).isTrue();
    assertThat(RuleDatabase.disjoint(db, cp.peek())).isTrue();
    List<Rule> before = db.rules();

    db.remove(before.get(0).priority());
    db.setDefaultAction(Action.ALLOW);
    RuleDatabase fresh = cp.restore();
    assertThat(fresh.rules()).isEqualTo(before);
    assertThat(fresh.sharingIntact()).isTrue();
    assertThat(RuleDatabase.disjoint(fresh, cp.peek())).isTrue();

    db.restore(cp);
    assertThat(db.rules()).isEqualTo(before);
    assertThat(db.defaultAction()).isEqualTo(Action.DENY);
    assertThat(db.sharingIntact()).isTrue();
    assertThat(RuleDatabase.disjoint(db, cp.peek())).isTrue();
  }

  @Test
  void badRuleInputIsRejectedWithClearErrors() {
    assertThatThrownBy(() -> Prefix.parse("10.0.0.1/8")).hasMessageContaining("host bits");
    assertThatThrownBy(() -> Prefix.parse("10.0.0/8")).hasMessageContaining("10.0.0/8");
    assertThatThrownBy(() -> new PortRange(10, 5)).hasMessageContaining("10-5");
    assertThatThrownBy(() -> new Rule(1, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.ANY, 300, Action.DENY))
        .hasMessageContaining("protocol 300");
    assertThat(Prefix.parse("192.168.0.0/16").contains(Ipv4.parse("192.168.4.5"))).isTrue();
    assertThat(Prefix.parse("192.168.0.0/16").contains(Ipv4.parse("192.169.4.5"))).isFalse();
    assertThat(Prefix.parse("*")).isEqualTo(Prefix.ANY);
  }
}
