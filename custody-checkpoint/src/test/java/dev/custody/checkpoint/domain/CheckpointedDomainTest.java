package dev.custody.checkpoint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.checkpoint.CheckpointedState;
import dev.custody.domains.Domain;
import dev.custody.domains.DomainFailedException;
import dev.custody.domains.RRef;
import org.junit.jupiter.api.Test;

class CheckpointedDomainTest {
  @Test
  void aFailedDomainRecoversItsStateFromTheLastCheckpoint() throws Exception {
    CheckpointedState<Ledger> state = CheckpointedState.of(new Ledger(), Ledger_Checkpoint.INSTANCE);
    Domain d = Domain.create("ledger");
    RRef<LedgerApi> ref = d.execute(() -> state.export(l -> new LedgerService(l, state)));
    LedgerApi api = new LedgerApiProxy(ref);

    api.deposit("alice", 100);
    api.deposit("bob", 50);
    api.commit();
    api.deposit("alice", 7); // not checkpointed
    Ledger before = state.current();

    assertThatThrownBy(() -> api.transferAndCrash("alice", "bob", 30))
        .isInstanceOf(DomainFailedException.class)
        .hasRootCauseMessage("crashed before crediting bob");

    // Same RRef, same proxy: the domain recovered, from the checkpoint, not from scratch.
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
    assertThat(api.balance("alice")).isEqualTo(100);
    assertThat(api.balance("bob")).isEqualTo(50);
    assertThat(api.entries()).isEqualTo(2);
    Ledger after = state.current();
    assertThat(after).isNotSameAs(before).isNotSameAs(state.lastCheckpoint().peek());
    assertThat(after.lastEntry).isSameAs(after.journal.get(1));

    // Work after recovery, another crash: the same checkpoint is restored again.
    api.deposit("carol", 1);
    assertThatThrownBy(() -> api.transferAndCrash("bob", "carol", 5)).isInstanceOf(DomainFailedException.class);
    assertThat(api.balance("carol")).isZero();
    assertThat(api.balance("bob")).isEqualTo(50);
    assertThat(d.failureCount()).isEqualTo(2);
  }

  @Test
  void aDomainThatFailsBeforeAnyCommitRecoversTheInitialState() throws Exception {
    Ledger initial = new Ledger();
    initial.balances.put("seed", 5L);
    CheckpointedState<Ledger> state = CheckpointedState.of(initial);
    Domain d = Domain.create("ledger2");
    LedgerApi api = new LedgerApiProxy(d.execute(() -> state.export(l -> new LedgerService(l, state))));
    api.deposit("seed", 10);
    assertThatThrownBy(() -> api.transferAndCrash("seed", "x", 1)).isInstanceOf(DomainFailedException.class);
    assertThat(api.balance("seed")).isEqualTo(5);
  }
}
