package dev.custody.checkpoint.domain;

import dev.custody.Shared;
import dev.custody.checkpoint.CheckpointedState;

/** Lives inside the domain. */
public final class LedgerService implements LedgerApi {
  final Ledger ledger;
  private final CheckpointedState<Ledger> state;

  public LedgerService(Ledger ledger, CheckpointedState<Ledger> state) {
    this.ledger = ledger;
    this.state = state;
  }

  @Override
  public void deposit(String account, long amount) {
    ledger.balances.merge(account, amount, Long::sum);
    Shared<Entry> e = Shared.of(new Entry(account, amount));
    ledger.journal.add(e);
    ledger.lastEntry = e;
  }

  @Override
  public long balance(String account) {
    return ledger.balances.getOrDefault(account, 0L);
  }

  @Override
  public int entries() {
    return ledger.journal.size();
  }

  @Override
  public void commit() {
    state.checkpoint();
  }

  @Override
  public void transferAndCrash(String from, String to, long amount) {
    deposit(from, -amount);
    throw new IllegalStateException("crashed before crediting " + to);
  }
}
