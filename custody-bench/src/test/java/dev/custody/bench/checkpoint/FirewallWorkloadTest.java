package dev.custody.bench.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.netfn.firewall.RuleDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FirewallWorkloadTest {
  static final FirewallWorkload WORKLOAD = new FirewallWorkload(5_000, 1);

  @ParameterizedTest
  @EnumSource(FirewallWorkload.Method.class)
  void everyMethodMakesADeepCopyThatPreservesSharing(FirewallWorkload.Method method) {
    RuleDatabase copy = WORKLOAD.copy(method);
    assertThat(WORKLOAD.sharingProblem(method, copy)).isNull();
  }

  @Test
  void sharingCheckRejectsTheLiveDatabaseItselfAndARebuiltOne() {
    RuleDatabase db = WORKLOAD.database();
    assertThat(WORKLOAD.sharingPreserved(FirewallWorkload.Method.CUSTODY_CHECKPOINT, db)).isFalse();
    assertThat(db.trieNodeCount()).isGreaterThan(db.size());
  }
}
