package dev.custody.netfn.pipeline;

import dev.custody.netfn.packet.PacketBatch;

/**
 * The boundary interface of a pipeline stage: takes ownership of a batch and returns the
 * (possibly shrunk) batch to the caller. Implemented by {@link NfStage} around any {@link
 * NetFunction}. Not thread-safe.
 */
public interface Stage {
  PacketBatch process(PacketBatch batch);
}
