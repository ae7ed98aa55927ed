package dev.custody.netfn.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.checkpoint.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Incremental checkpoints of the Figure 3 rule database (each rule reachable three ways). */
class IncrementalCheckpointRuleDatabaseTest {
  static RuleDatabase database(Random rnd, int n) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rules.add(RuleDatabaseTest.randomRule(rnd, i * 10));
    }
    return RuleDatabase.of(Action.DENY, rules);
  }

  static List<Action> verdicts(RuleDatabase db, long seed) {
    Random rnd = new Random(seed);
    List<Action> out = new ArrayList<>();
    List<Rule> rules = db.rules();
    for (int p = 0; p < 5_000; p++) {
      Rule pick = rules.get(rnd.nextInt(rules.size()));
      int s = pick.src().address() | (rnd.nextInt() & ~Prefix.mask(pick.src().length()));
      int d = pick.dst().address() | (rnd.nextInt() & ~Prefix.mask(pick.dst().length()));
      out.add(db.match(s, d, rnd.nextInt(128), rnd.nextInt(128), rnd.nextBoolean() ? Rule.TCP : Rule.UDP));
    }
    return out;
  }

  @Test
  void changingOnePercentOfRulesReusesMostOfThePreviousSnapshot() throws Exception {
    Random rnd = new Random(7);
    RuleDatabase db = database(rnd, 5_000);
    Checkpoint<RuleDatabase> first = db.checkpoint();
    List<Rule> before = db.rules();
    List<Action> verdictsBefore = verdicts(db, 1);

    List<RuleUpdate> batch = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Rule old = before.get(i * 100 + 3);
      batch.add(new RuleUpdate.Replace(RuleDatabaseTest.randomRule(rnd, old.priority())));
    }
    db.apply(batch);
    List<Rule> after = db.rules();
    List<Action> verdictsAfter = verdicts(db, 1);

    Checkpoint<RuleDatabase> second = first.next(db);
    assertThat(second.reusedFraction()).isGreaterThanOrEqualTo(0.9);
    // Every object of the snapshot is either reused or new: the total is a full copy's.
    assertThat(second.reusedObjects() + second.copiedObjects())
        .isEqualTo(db.checkpoint().copiedObjects());
    assertThat(second.peek().sharingIntact()).isTrue();
    assertThat(second.peek().rules()).isEqualTo(after);
    assertThat(first.peek().rules()).isEqualTo(before);
    // Unchanged rules are the previous snapshot's own Shared objects.
    assertThat(second.peek().rules.get(0)).isSameAs(first.peek().rules.get(0));
    assertThat(second.peek().rules.get(3)).isNotSameAs(first.peek().rules.get(3));

    RuleDatabase fresh = second.restore();
    assertThat(fresh.sharingIntact()).isTrue();
    assertThat(fresh.rules()).isEqualTo(after);
    assertThat(verdicts(fresh, 1)).isEqualTo(verdictsAfter);
    assertThat(RuleDatabase.disjoint(second.peek(), fresh)).isTrue();

    db.restore(first);
    assertThat(db.sharingIntact()).isTrue();
    assertThat(db.rules()).isEqualTo(before);
    assertThat(verdicts(db, 1)).isEqualTo(verdictsBefore);
    assertThat(RuleDatabase.disjoint(first.peek(), db)).isTrue();
    assertThat(RuleDatabase.disjoint(second.peek(), db)).isTrue();

    db.restore(second);
    assertThat(db.rules()).isEqualTo(after);
    assertThat(verdicts(db, 1)).isEqualTo(verdictsAfter);
    assertThat(second.restore().rules()).isEqualTo(after);
    assertThat(first.restore().rules()).isEqualTo(before);
  }

  @Test
  void addsAndRemovesStillGiveAnExactSnapshot() throws Exception {
    Random rnd = new Random(11);
    RuleDatabase db = database(rnd, 2_000);
    Checkpoint<RuleDatabase> cp = db.checkpoint();
    for (int round = 0; round < 5; round++) {
      List<Rule> rules = db.rules();
      List<RuleUpdate> batch = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        batch.add(new RuleUpdate.Remove(rules.get(rnd.nextInt(rules.size() / 20) * 20 + i).priority()));
        batch.add(new RuleUpdate.Add(RuleDatabaseTest.randomRule(rnd, 100_000 + round * 1000 + i * 3)));
      }
      db.apply(batch);
      cp = cp.next(db);
      assertThat(cp.peek().sharingIntact()).isTrue();
      assertThat(cp.peek().rules()).isEqualTo(db.rules());
      // Removals scattered through the rule list shift it, and list elements are paired by
      // position (then from the end), so reuse is low here; the snapshot is still exact.
      assertThat(cp.reusedObjects()).isPositive();
      assertThat(verdicts(cp.restore(), round)).isEqualTo(verdicts(db, round));
    }
  }
}
