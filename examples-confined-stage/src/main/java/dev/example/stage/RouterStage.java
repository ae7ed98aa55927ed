package dev.example.stage;

import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pipeline.NfStage;
import dev.custody.netfn.pipeline.Stage;

/**
 * Entry class of the confined router domain: the pipeline's {@link Stage} boundary interface
 * around a {@link TtlRouter}, built the way {@code DomainStages} builds a plain stage domain
 * ({@link NfStage}: run the NF, close the gaps, hand the batch back). The host loads it with
 * {@code ConfinedDomains.load(name, jar, Stage.class, "dev.example.stage.RouterStage", policy)}
 * and calls it through the generated {@code StageProxy}.
 *
 * <p>Not thread-safe, like the pipeline stage it is.
 */
public final class RouterStage implements Stage {
  private final TtlRouter router = new TtlRouter();
  private final NfStage stage = new NfStage(router);

  @Override
  public PacketBatch process(PacketBatch batch) {
    return stage.process(batch);
  }

  /** The router inside, for its drop counters. */
  public TtlRouter router() {
    return router;
  }

  /** Packets routed since this domain generation's classes were loaded (see {@link TtlRouter}). */
  public static long routed() {
    return TtlRouter.routed();
  }
}
