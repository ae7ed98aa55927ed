package dev.custody.netfn.io;

import dev.custody.netfn.packet.PacketBatch;
import java.io.IOException;

/**
 * Where a pipeline's packets end up. The sink takes ownership of the batch: it must close it (or
 * hand it on), returning its buffers to the pool, even when it throws.
 */
public interface PacketSink extends AutoCloseable {
  void accept(PacketBatch batch) throws IOException;

  @Override
  default void close() throws IOException {}
}
