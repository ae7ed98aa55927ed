package dev.custody.netfn.io;

import dev.custody.netfn.packet.PacketBatch;

/** Counts packets, bytes and batches, then frees the buffers. Not thread-safe. */
public final class CounterSink implements PacketSink {
  private long packets;
  private long bytes;
  private long batches;

  @Override
  public void accept(PacketBatch batch) {
    try (batch) {
      for (int i = 0; i < batch.size(); i++) {
        if (!batch.isDropped(i)) {
          packets++;
          bytes += batch.length(i);
        }
      }
      batches++;
    }
  }

  public long packets() {
    return packets;
  }

  public long bytes() {
    return bytes;
  }

  public long batches() {
    return batches;
  }
}
