package ifc;

import dev.custody.ifc.Channel;
import dev.custody.ifc.Label;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/** Standard outputs are public channels; @Channel bounds a parameter. */
class Channels {
  private static final Logger JUL = Logger.getLogger("x");
  private static final System.Logger SYS = System.getLogger("x");
  private static final org.slf4j.Logger SLF = org.slf4j.LoggerFactory.getLogger("x");

  void stdout(@Label("secret") String s, String p) {
    System.out.println(p);
    System.out.print(s); // error: [custody.ifc] secret value reaches public channel PrintStream.print
    System.err.println("len " + s.length()); // error: secret value reaches public channel PrintStream.println
    System.out.printf("%s%n", s); // error: secret value reaches public channel PrintStream.printf
  }

  void loggers(@Label("secret") String s, String p) {
    JUL.info(p);
    JUL.info(s); // error: secret value reaches public channel Logger.info
    SYS.log(System.Logger.Level.INFO, p);
    SYS.log(System.Logger.Level.INFO, s); // error: secret value reaches public channel Logger.log
    SLF.info(p);
    SLF.warn(s); // error: secret value reaches public channel Logger.warn
  }

  void streams(OutputStream out, Writer w, @Label("secret") byte[] key) throws IOException {
    out.write(new byte[] {1, 2});
    out.write(key); // error: secret value reaches public channel OutputStream.write
    w.write("hello");
    w.write(new String(key, StandardCharsets.UTF_8)); // error: secret value reaches public channel Writer.write
  }

  void sockets(SocketChannel sc, DatagramChannel dc, SocketAddress to, @Label("secret") byte[] key) throws IOException {
    sc.write(ByteBuffer.wrap(new byte[] {0}));
    sc.write(ByteBuffer.wrap(key)); // error: secret value reaches public channel SocketChannel.write
    dc.send(ByteBuffer.wrap(key), to); // error: secret value reaches public channel DatagramChannel.send
  }

  static void publish(@Channel("public") String msg) {}

  static void archive(@Channel("secret") String msg) {}

  void declaredChannels(@Label("secret") String s) {
    publish("ok");
    publish(s); // error: secret value reaches public channel Channels.publish
    archive(s);
  }
}
