package dev.custody.netfn.io;

import dev.custody.netfn.packet.PacketBatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Sends each packet's frame as one UDP datagram to a loopback address, then frees the buffers.
 * Blocking sends; an I/O error propagates after the batch is closed.
 */
public final class UdpSink implements PacketSink {
  private final DatagramChannel channel;
  private final InetSocketAddress target;
  private long sent;

  public UdpSink(InetSocketAddress target) throws IOException {
    this.target = Loopback.require(target, "UDP sink target");
    this.channel = DatagramChannel.open(StandardProtocolFamily.INET);
  }

  @Override
  public void accept(PacketBatch batch) throws IOException {
    try (batch) {
      for (int i = 0; i < batch.size(); i++) {
        if (batch.isDropped(i)) {
          continue;
        }
        ByteBuffer bb = batch.pool().byteBuffer(batch.bufferIndex(i));
        bb.clear().limit(batch.length(i));
        channel.send(bb, target);
        sent++;
      }
    }
  }

  public long sent() {
    return sent;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
