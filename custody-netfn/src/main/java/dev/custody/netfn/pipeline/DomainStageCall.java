package dev.custody.netfn.pipeline;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.Domain;
import dev.custody.netfn.packet.PacketBatch;

/**
 * A stage in its own protection domain, called through the generated {@code StageProxy}. The
 * batch moves into the domain and back without copying. If the call fails (a panic in the stage,
 * a revoked reference, a dead domain), the batch is closed, returning its buffers to the pool,
 * and {@link StageFailedException} carries the {@link CrossDomainException}; the domain recovers
 * on its own (its {@code RRef} is recoverable), so the next call normally succeeds.
 *
 * <p>Thread safety: as the proxy; a pipeline calls it from one thread.
 */
public final class DomainStageCall implements StageCall {
  private final String name;
  private final Domain domain;
  private final Stage proxy;

  public DomainStageCall(String name, Domain domain, Stage proxy) {
    this.name = name;
    this.domain = domain;
    this.proxy = proxy;
  }

  // The batch moves into the stage. If the stage fails it never hands the batch back, and the
  // StageCall contract reclaims its buffers here (close is idempotent): a deliberate use after
  // move on the failure path, like Rust dropping a value during unwinding.
  @SuppressWarnings("custody.ownership")
  @Override
  public PacketBatch call(PacketBatch batch) throws StageFailedException {
    try {
      return proxy.process(batch);
    } catch (CrossDomainException e) {
      batch.close();
      throw new StageFailedException(name, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  /** The stage's domain. */
  public Domain domain() {
    return domain;
  }
}
