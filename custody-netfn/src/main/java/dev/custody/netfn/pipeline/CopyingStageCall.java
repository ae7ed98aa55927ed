package dev.custody.netfn.pipeline;

import dev.custody.netfn.packet.PacketBatch;

/**
 * The copying baseline: isolation without ownership transfer (J-Kernel, WebAssembly, a private
 * heap per domain) must copy a batch each time it crosses a boundary, because the sender could
 * still reach it. Wraps another call and deep-copies the batch into fresh pool buffers before
 * handing it on; the original buffers go back to the pool. For benchmarks only.
 */
public final class CopyingStageCall implements StageCall {
  private final StageCall inner;

  public CopyingStageCall(StageCall inner) {
    this.inner = inner;
  }

  @Override
  public PacketBatch call(PacketBatch batch) throws StageFailedException {
    PacketBatch copy;
    try {
      copy = batch.deepCopy();
    } catch (RuntimeException e) {
      batch.close();
      throw new StageFailedException(inner.name(), e);
    }
    batch.close();
    return inner.call(copy);
  }

  @Override
  public String name() {
    return inner.name() + "(copying)";
  }
}
