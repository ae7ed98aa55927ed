package dev.custody.domains.confine.demo;

/**
 * A packet-header rewriting stage, the domain interface of the demo's confined stage. Its package
 * is visible to the confined domain that implements it; arguments and results are records,
 * strings and primitives, which cross domains as they are.
 *
 * <p>Implementations are confined code and need not be thread-safe: the pipeline calls a stage
 * from one thread.
 */
public interface HeaderFilter {
  /** Rewrites {@code h}; returns {@code null} to drop the packet. */
  Header process(Header h);

  /** How many headers this instance has processed (static state of the stage, for recovery). */
  long processed();

  /** A one-line description of the stage. */
  String describe();
}
