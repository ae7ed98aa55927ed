package dev.custody.netfn.firewall;

import dev.custody.checkpoint.Checkpointable;
import java.io.Serializable;

/**
 * An IPv4 address prefix: the {@code length} leading bits of {@code address} (an IPv4 address as
 * an {@code int}, most significant byte first). Bits past the prefix length must be zero.
 *
 * <p>Immutable and thread-safe.
 *
 * @param address the network address, host bits zero
 * @param length the prefix length, 0 to 32
 */
@Checkpointable
public record Prefix(int address, int length) implements Serializable {
  /** The prefix that contains every address: {@code 0.0.0.0/0}. */
  public static final Prefix ANY = new Prefix(0, 0);

  /**
   * @throws IllegalArgumentException if the length is not 0..32 or host bits are set
   */
  public Prefix {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length " + length + " is not in 0..32");
    }
    if ((address & ~mask(length)) != 0) {
      throw new IllegalArgumentException(
          "prefix " + Ipv4.format(address) + "/" + length + " has host bits set");
    }
  }

  /** The prefix of {@code length} bits containing {@code ip} (host bits cleared). */
  public static Prefix of(int ip, int length) {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length " + length + " is not in 0..32");
    }
    return new Prefix(ip & mask(length), length);
  }

  /**
   * Parses {@code a.b.c.d/len}, {@code a.b.c.d} (a /32), or {@code *} / {@code any}.
   *
   * @throws IllegalArgumentException naming the text if it is malformed
   */
  public static Prefix parse(String text) {
    String t = text.strip();
    if (t.equals("*") || t.equalsIgnoreCase("any")) {
      return ANY;
    }
    int slash = t.indexOf('/');
    try {
      int ip = Ipv4.parse(slash < 0 ? t : t.substring(0, slash));
      int len = slash < 0 ? 32 : Integer.parseInt(t.substring(slash + 1));
      return new Prefix(ip, len);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad prefix '" + text + "': " + e.getMessage(), e);
    }
  }

  /** The network mask of a prefix length: {@code length} leading one bits. */
  public static int mask(int length) {
    return length == 0 ? 0 : -1 << (32 - length);
  }

  /** True if {@code ip} is inside this prefix. */
  public boolean contains(int ip) {
    return (ip & mask(length)) == address;
  }

  @Override
  public String toString() {
    return Ipv4.format(address) + "/" + length;
  }
}
