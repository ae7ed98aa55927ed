package dev.custody.netfn.io;

import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pcap.PcapWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Writes every packet to a classic pcap file, then frees the buffers. Not thread-safe. */
public final class PcapSink implements PacketSink {
  private final PcapWriter writer;

  public PcapSink(Path file) throws IOException {
    this.writer = PcapWriter.create(file);
  }

  @Override
  public void accept(PacketBatch batch) throws IOException {
    try (batch) {
      writer.write(batch);
    }
  }

  public long packetsWritten() {
    return writer.packetsWritten();
  }

  @Override
  public void close() throws IOException {
    writer.close();
  }
}
