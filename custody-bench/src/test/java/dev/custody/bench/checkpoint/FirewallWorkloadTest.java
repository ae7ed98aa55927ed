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

  @Test
  void incrementalCheckpointReusesMostOfTheOriginalSnapshot() {
    var incremental = WORKLOAD.incrementalCheckpoint();
    assertThat(incremental.reusedFraction()).isGreaterThanOrEqualTo(0.9);
    assertThat(incremental.peek().rules().get(0)).isEqualTo(WORKLOAD.database().rules().get(0));
    assertThat(incremental.peek().rules().get(0)).isSameAs(WORKLOAD.checkpoint().peek().rules().get(0));
    assertThat(WORKLOAD.changedDatabase().rules()).isNotEqualTo(WORKLOAD.database().rules());
    // The incremental snapshot's check refuses a snapshot of the unchanged database.
    assertThat(WORKLOAD.sharingProblem(FirewallWorkload.Method.CUSTODY_INCREMENTAL_CHECKPOINT,
        WORKLOAD.checkpoint().restore())).isNotNull();
  }
}
