package dev.custody.netfn.firewall;

/** IPv4 addresses as {@code int}s, most significant byte first. Stateless. */
public final class Ipv4 {
  private Ipv4() {}

  /**
   * Parses dotted-quad text.
   *
   * @throws IllegalArgumentException naming the text if it is not four bytes 0..255
   */
  public static int parse(String text) {
    String[] parts = text.strip().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("'" + text + "' is not a dotted-quad IPv4 address");
    }
    int ip = 0;
    for (String p : parts) {
      int b;
      try {
        b = Integer.parseInt(p);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + text + "' is not a dotted-quad IPv4 address");
      }
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException("'" + text + "' has a byte out of 0..255");
      }
      ip = (ip << 8) | b;
    }
    return ip;
  }

  /** Dotted-quad text of {@code ip}. */
  public static String format(int ip) {
    return (ip >>> 24) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
  }
}
