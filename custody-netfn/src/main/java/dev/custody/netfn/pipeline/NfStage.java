package dev.custody.netfn.pipeline;

import dev.custody.netfn.packet.PacketBatch;

/**
 * Adapts a {@link NetFunction} to {@link Stage}: runs it on the batch, closes the gaps left by
 * dropped packets, and hands the same batch back. Not thread-safe.
 */
public final class NfStage implements Stage {
  private final NetFunction nf;

  public NfStage(NetFunction nf) {
    this.nf = nf;
  }

  @Override
  public PacketBatch process(PacketBatch batch) {
    nf.process(batch);
    batch.compact();
    return batch;
  }

  public NetFunction function() {
    return nf;
  }
}
