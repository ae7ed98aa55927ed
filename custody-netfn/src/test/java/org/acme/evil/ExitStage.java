package org.acme.evil;

import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pipeline.Stage;

/** Test plugin that the confinement validator must refuse: it would exit the JVM. */
public final class ExitStage implements Stage {
  @Override
  public PacketBatch process(PacketBatch batch) {
    System.exit(3);
    return batch;
  }
}
