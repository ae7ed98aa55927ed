package dev.custody.netfn.pipeline;

import dev.custody.netfn.packet.PacketBatch;

/**
 * How a pipeline invokes one stage: a plain Java call ({@link PlainStageCall}) or a call into the
 * stage's own protection domain. Ownership of the batch moves to the stage and back with the
 * returned batch (normally the same object: nothing is copied).
 *
 * <p><b>Failure behaviour.</b> If the stage fails, the batch handed in is closed (its buffers go
 * back to the pool, whatever the stage did with them) and {@link StageFailedException} is thrown;
 * the call never leaks buffers.
 */
public interface StageCall {
  PacketBatch call(PacketBatch batch) throws StageFailedException;

  String name();
}
