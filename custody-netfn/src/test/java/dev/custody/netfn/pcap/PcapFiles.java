package dev.custody.netfn.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds pcap and pcapng files byte by byte, in either byte order, for tests. */
final class PcapFiles {
  private PcapFiles() {}

  static byte[] classic(ByteOrder order, boolean nanos, byte[][] packets, long[] tsNanos) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer h = ByteBuffer.allocate(24).order(order);
    h.putInt(nanos ? 0xa1b23c4d : 0xa1b2c3d4).putShort((short) 2).putShort((short) 4)
        .putInt(0).putInt(0).putInt(65535).putInt(1);
    out.writeBytes(h.array());
    for (int i = 0; i < packets.length; i++) {
      ByteBuffer r = ByteBuffer.allocate(16).order(order);
      long sec = tsNanos[i] / 1_000_000_000L;
      long frac = tsNanos[i] % 1_000_000_000L;
      r.putInt((int) sec).putInt((int) (nanos ? frac : frac / 1000))
          .putInt(packets[i].length).putInt(packets[i].length);
      out.writeBytes(r.array());
      out.writeBytes(packets[i]);
    }
    return out.toByteArray();
  }

  static byte[] block(ByteOrder order, int type, byte[] body) {
    int padded = (body.length + 3) & ~3;
    int total = 12 + padded;
    ByteBuffer b = ByteBuffer.allocate(total).order(order);
    b.putInt(type).putInt(total).put(body);
    b.position(8 + padded);
    b.putInt(total);
    return b.array();
  }

  static byte[] shb(ByteOrder order) {
    ByteBuffer b = ByteBuffer.allocate(16).order(order);
    b.putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1L);
    return block(order, 0x0A0D0D0A, b.array());
  }

  /** IDB with if_tsresol = 9 (nanoseconds) when {@code nanos}. */
  static byte[] idb(ByteOrder order, int linkType, int snapLen, boolean nanos) {
    ByteBuffer b = ByteBuffer.allocate(nanos ? 20 : 8).order(order);
    b.putShort((short) linkType).putShort((short) 0).putInt(snapLen);
    if (nanos) {
      b.putShort((short) 9).putShort((short) 1).put((byte) 9).put(new byte[3]);
      b.putShort((short) 0).putShort((short) 0);
    }
    return block(order, 1, b.array());
  }

  static byte[] epb(ByteOrder order, int ifId, long ts, byte[] data) {
    int padded = (data.length + 3) & ~3;
    ByteBuffer b = ByteBuffer.allocate(20 + padded).order(order);
    b.putInt(ifId).putInt((int) (ts >>> 32)).putInt((int) ts).putInt(data.length)
        .putInt(data.length).put(data);
    return block(order, 6, b.array());
  }

  static byte[] spb(ByteOrder order, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(4 + ((data.length + 3) & ~3)).order(order);
    b.putInt(data.length).put(data);
    return block(order, 3, b.array());
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
