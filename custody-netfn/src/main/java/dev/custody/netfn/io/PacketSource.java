package dev.custody.netfn.io;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.PacketBatch;
import java.io.IOException;

/**
 * Where a pipeline's packets come from. Not thread-safe unless an implementation says so.
 */
public interface PacketSource extends AutoCloseable {
  /**
   * Appends packets to {@code batch} (borrowed) until it is full or nothing more is ready; returns
   * how many were added, or -1 once the source is exhausted and will never produce again.
   */
  int fill(@Borrowed PacketBatch batch) throws IOException;

  @Override
  default void close() throws IOException {}
}
