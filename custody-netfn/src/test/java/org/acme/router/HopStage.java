package org.acme.router;

import dev.custody.netfn.packet.DropReason;
import dev.custody.netfn.packet.FlowParser;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pipeline.Stage;

/**
 * Test plugin for the confined pipeline variant: one router hop (TTL decrement, drop at zero),
 * written against the pipeline API only. PipelineDemoTest copies its class file out of the test
 * classes into a directory of its own and loads it from there as a confined domain.
 */
public final class HopStage implements Stage {
  private final FlowParser parser = new FlowParser();

  @Override
  public PacketBatch process(PacketBatch batch) {
    for (int i = 0; i < batch.size(); i++) {
      if (batch.isDropped(i)) {
        continue;
      }
      DropReason bad = parser.parse(batch, i);
      if (bad != null || parser.ipv4().decrementTtl() <= 0) {
        batch.drop(i);
      }
    }
    batch.compact();
    return batch;
  }
}
