package dev.custody.netfn.io;

import java.net.InetSocketAddress;

/** The UDP endpoints only talk to loopback: the benchmarks and tests must not touch a network. */
final class Loopback {
  private Loopback() {}

  static InetSocketAddress require(InetSocketAddress a, String what) {
    if (a.getAddress() == null || !a.getAddress().isLoopbackAddress()) {
      throw new IllegalArgumentException(what + " " + a + " is not a loopback address (127.0.0.0/8)");
    }
    return a;
  }
}
