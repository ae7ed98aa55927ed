package dev.custody.netfn.pcap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Runs a real capture tool on loopback while sending it the test datagrams. */
final class LiveCapture {
  private LiveCapture() {}

  static void assumeTool(String tool) {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        found = true;
      }
    }
    assumeTrue(found, tool + " is not installed (apt-get install -y tcpdump tshark)");
  }

  static int freeUdpPort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Starts the tool, waits for its "ready" line on stderr, sends five datagrams ("custody-i"
   * repeated i+1 times) to 127.0.0.1:port, and waits (bounded) for the tool to exit.
   */
  static void capture(List<String> command, String readyLine, int port, Path file) throws Exception {
    Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    CountDownLatch ready = new CountDownLatch(1);
    StringBuilder err = new StringBuilder();
    Thread reader = Thread.ofPlatform().daemon().start(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (err) {
            err.append(line).append('\n');
          }
          if (line.contains(readyLine)) {
            ready.countDown();
          }
        }
      } catch (Exception ignored) {
        // the process ended
      }
    });
    try {
      boolean started = ready.await(20, TimeUnit.SECONDS);
      if (!started) {
        p.destroyForcibly();
        synchronized (err) {
          // Not permitted to capture here (no root / no CAP_NET_RAW): not a parser failure.
          assumeTrue(false, command.get(0) + " could not start capturing: " + err);
        }
      }
      Thread.sleep(500); // the tool prints its banner just before the socket is attached
      try (DatagramSocket s = new DatagramSocket()) {
        for (int i = 0; i < 5; i++) {
          byte[] data = ("custody-" + i).repeat(i + 1).getBytes(StandardCharsets.US_ASCII);
          s.send(new DatagramPacket(data, data.length, InetAddress.getByName("127.0.0.1"), port));
          Thread.sleep(20);
        }
      }
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(command.get(0) + " did not see 5 packets: " + err);
      }
      reader.join(2000);
    } finally {
      p.destroyForcibly();
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(command.get(0) + " exited " + p.exitValue() + ": " + err);
    }
  }
}
