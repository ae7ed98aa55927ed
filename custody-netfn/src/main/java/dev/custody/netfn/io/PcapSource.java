package dev.custody.netfn.io;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.pcap.PcapFormatException;
import dev.custody.netfn.pcap.PcapReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Packets from a pcap or pcapng file of Ethernet frames. A file with another link type is refused
 * at its first such packet with {@link PcapFormatException}; malformed files fail the same way,
 * naming the file and offset.
 */
public final class PcapSource implements PacketSource {
  private final PcapReader reader;
  private final String name;
  private boolean done;

  public PcapSource(Path file) throws IOException {
    this.reader = PcapReader.open(file);
    this.name = file.toString();
  }

  @Override
  public int fill(@Borrowed PacketBatch batch) throws IOException {
    if (done) {
      return -1;
    }
    int before = batch.size();
    int n = reader.readInto(batch);
    if (n > 0 && reader.linkType() != PcapReader.LINKTYPE_ETHERNET) {
      // Give the buffers back before refusing: the batch may be reused by the caller.
      while (batch.size() > before) {
        batch.drop(batch.size() - 1);
        batch.compact();
      }
      throw new PcapFormatException(name, -1,
          "link type " + reader.linkType() + " is not Ethernet (1); only Ethernet frames are supported");
    }
    if (n == 0 && !batch.isFull()) {
      done = true;
      return -1;
    }
    return n;
  }

  public PcapReader reader() {
    return reader;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
