package dev.custody.netfn.io;

import dev.custody.Borrowed;
import dev.custody.netfn.packet.PacketBatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * Packets from a UDP socket bound to a loopback address: each datagram carries one Ethernet frame
 * (the encapsulation {@link UdpSink} produces), like a software NIC. Non-blocking: {@link #fill}
 * takes what is queued and returns 0 if nothing is. A datagram larger than a buffer is truncated
 * by the socket, as the kernel does.
 */
public final class UdpSource implements PacketSource {
  private final DatagramChannel channel;
  private long received;

  /** Binds to {@code address}, which must be a loopback address (port 0 picks one). */
  public UdpSource(InetSocketAddress address) throws IOException {
    Loopback.require(address, "UDP source address");
    this.channel = DatagramChannel.open(StandardProtocolFamily.INET);
    try {
      channel.bind(address);
      channel.configureBlocking(false);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The bound address (useful with port 0). */
  public InetSocketAddress localAddress() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  @Override
  public int fill(@Borrowed PacketBatch batch) throws IOException {
    int added = 0;
    while (!batch.isFull()) {
      int i = batch.append(0);
      if (i < 0) {
        break;
      }
      ByteBuffer bb = batch.pool().byteBuffer(batch.bufferIndex(i));
      bb.clear();
      if (channel.receive(bb) == null) {
        batch.drop(i);
        batch.compact();
        break;
      }
      batch.setLength(i, bb.position());
      batch.setTimestampNanos(i, System.currentTimeMillis() * 1_000_000L);
      added++;
      received++;
    }
    return added;
  }

  public long received() {
    return received;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
