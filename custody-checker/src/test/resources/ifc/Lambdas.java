package ifc;

import dev.custody.ifc.Label;
import java.util.List;
import java.util.function.Supplier;

/** Lambdas and inner classes see the labels of what they capture. */
class Lambdas {
  void capturedSecretPrinted(@Label("secret") String key) {
    Runnable r = () -> System.out.println(key); // error: [custody.ifc] secret value reaches public channel PrintStream.println; source: parameter 'key'
    r.run();
  }

  void capturedPublicPrinted(@Label("secret") String key, String name) {
    Runnable r = () -> System.out.println(name);
    r.run();
  }

  void capturedLocal(@Label("secret") int pin) {
    int shown = pin * 2;
    Supplier<String> s = () -> {
      System.out.println(shown); // error: secret value reaches public channel PrintStream.println
      return "";
    };
    s.get();
  }

  void anonymousClass(@Label("secret") String key) {
    Runnable r = new Runnable() {
      @Override
      public void run() {
        System.out.println(key); // error: secret value reaches public channel PrintStream.println
      }
    };
    r.run();
  }

  void forEachOverPublic(List<String> names) {
    names.forEach(n -> System.out.println(n));
  }
}
