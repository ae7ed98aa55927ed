package dev.custody.domains.confine.demo;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.DomainInterface;

/**
 * A packet-header rewriting stage, the domain interface of the demo's confined stage. Its package
 * is visible to the confined domain that implements it; arguments and results are records,
 * strings and primitives, which cross domains as they are.
 *
 * <p>A {@link DomainInterface}: clients call it through the generated {@code HeaderFilterProxy},
 * whose methods throw {@link CrossDomainException} when the stage fails.
 *
 * <p>Implementations are confined code and need not be thread-safe: the pipeline calls a stage
 * from one thread.
 */
@DomainInterface
public interface HeaderFilter {
  /** Rewrites {@code h}; returns {@code null} to drop the packet. */
  Header process(Header h) throws CrossDomainException;

  /** How many headers this instance has processed (static state of the stage, for recovery). */
  long processed() throws CrossDomainException;

  /** A one-line description of the stage. */
  String describe() throws CrossDomainException;
}
