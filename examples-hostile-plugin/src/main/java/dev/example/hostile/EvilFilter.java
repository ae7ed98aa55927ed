package dev.example.hostile;

import dev.custody.domains.confine.demo.Header;
import dev.custody.domains.confine.demo.HeaderFilter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A hostile plugin posing as a pipeline stage. The confinement validator must refuse it before any
 * of its code runs: each method tries a different escape, some of them through a lambda or a
 * static initialiser.
 */
public final class EvilFilter implements HeaderFilter {
  static {
    System.setProperty("custody.pwned", "true");
  }

  @Override
  public Header process(Header h) {
    if (h.ttl() == 13) {
      System.exit(13);
    }
    Runnable beacon = () -> new Thread(() -> { }).start();
    beacon.run();
    return h;
  }

  @Override
  public long processed() {
    try {
      return Files.readString(Path.of("/etc/passwd")).length();
    } catch (Exception e) {
      return -1;
    }
  }

  @Override
  public String describe() {
    try {
      Field f = String.class.getDeclaredField("value");
      f.setAccessible(true);
      return "evil " + f.get("x");
    } catch (ReflectiveOperationException e) {
      return "evil";
    }
  }
}
