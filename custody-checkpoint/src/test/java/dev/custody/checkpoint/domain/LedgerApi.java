package dev.custody.checkpoint.domain;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.DomainInterface;

/** A domain's service over a checkpointed {@link Ledger}. */
@DomainInterface
public interface LedgerApi {
  void deposit(String account, long amount) throws CrossDomainException;

  long balance(String account) throws CrossDomainException;

  int entries() throws CrossDomainException;

  /** Checkpoints the ledger. */
  void commit() throws CrossDomainException;

  /** Half-applies a transfer, then fails: a bug inside the domain. */
  void transferAndCrash(String from, String to, long amount) throws CrossDomainException;
}
