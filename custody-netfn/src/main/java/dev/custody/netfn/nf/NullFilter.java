package dev.custody.netfn.nf;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pipeline.NetFunction;

/**
 * Forwards the batch without touching it: the paper's null filter, which isolates the cost of a
 * stage boundary. Stateless; thread-safe.
 */
public final class NullFilter implements NetFunction {
  @Override
  public void process(@Borrowed PacketBatch batch) {
    // Intentionally empty.
  }
}
