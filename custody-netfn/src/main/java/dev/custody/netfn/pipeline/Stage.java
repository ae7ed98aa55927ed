package dev.custody.netfn.pipeline;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.DomainInterface;
import dev.custody.netfn.packet.PacketBatch;

/**
 * The boundary interface of a pipeline stage: takes ownership of a batch and returns the
 * (possibly shrunk) batch to the caller. Implemented by {@link NfStage} around any {@link
 * NetFunction}, which runs the same code whether called plainly or through the generated {@code
 * StageProxy} over an {@code RRef<Stage>} into the stage's own domain.
 *
 * <p>The batch is passed as the {@link dev.custody.Linear} value itself, not wrapped in {@code
 * Owned}: crossing costs one reference and no allocation at any batch size; the compile-time
 * checker enforces that the caller does not use it after the call, and {@link StageCall}
 * implementations close it if the call fails, so a failure never leaks buffers.
 */
@DomainInterface
public interface Stage {
  PacketBatch process(PacketBatch batch) throws CrossDomainException;
}
