package dev.custody.domains.confine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.domains.DomainFailedException;
import dev.custody.domains.FailurePolicy;
import dev.custody.domains.confine.testapi.Greeter;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Recovery drops a confined domain's class loader: after 1,000 recover cycles, loaded classes and
 * metaspace stay flat because every old generation is unloaded. The domain's code uses what
 * usually pins a plugin loader: lambdas (hidden classes), records (ObjectMethods bootstrap),
 * string concatenation and pattern switches (indy call sites), a ThreadLocal, a static cache.
 */
class ConfinedUnloadTest {
  static final String LEAKY = """
      package plug;
      import dev.custody.domains.DomainFailedException;
import dev.custody.domains.FailurePolicy;
import dev.custody.domains.confine.testapi.Greeter;
      import java.util.*;
      import java.util.function.*;
      public class Busy implements Greeter {
        record Item(String name, int n) {}
        static final Map<String, Item> CACHE = new HashMap<>();
        static final ThreadLocal<StringBuilder> TL = ThreadLocal.withInitial(StringBuilder::new);
        static int count;
        public String greet(String who) {
          if (who.equals("crash")) throw new IllegalStateException("crash " + count);
          Function<String, Item> f = w -> new Item(w, w.length());
          Item i = CACHE.computeIfAbsent(who, f);
          StringBuilder sb = TL.get();
          sb.setLength(0);
          Object o = i;
          String kind = switch (o) { case Item(String n, int k) when k > 2 -> "long"; default -> "short"; };
          return sb.append(i).append(kind).append(i.hashCode()).toString() + "/" + count;
        }
        public int counter() { return ++count; }
      }
      """;

  @Test
  void thousandRecoveriesUnloadEveryOldGeneration() throws Exception {
    ClassSource source = InMemoryCompiler.source("busy", Map.of("plug.Busy", LEAKY));
    ConfinedDomain<Greeter> d = ConfinedDomains.load("busy", source, Greeter.class, "plug.Busy",
        ConfinementPolicy.defaults(), FailurePolicy.unlimited());
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    MemoryPoolMXBean metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getName().equals("Metaspace")).findFirst().orElseThrow();

    // Warm up: let JDK-side caches (lambda forms, bootstrap infrastructure) fill first.
    cycle(d, 200);
    settle();
    long loadedBefore = classes.getLoadedClassCount();
    long unloadedBefore = classes.getUnloadedClassCount();
    long metaBefore = metaspace.getUsage().getUsed();

    for (int round = 0; round < 10; round++) {
      cycle(d, 100);
      System.gc();
    }
    assertThat(d.generation()).isEqualTo(1 + 200 + 1000);
    settle();
    long loadedAfter = classes.getLoadedClassCount();
    long unloadedAfter = classes.getUnloadedClassCount();
    long metaAfter = metaspace.getUsage().getUsed();
    System.out.printf("confined unload: loaded %d -> %d, unloaded +%d, metaspace %d KB -> %d KB%n",
        loadedBefore, loadedAfter, unloadedAfter - unloadedBefore, metaBefore / 1024,
        metaAfter / 1024);

    // Each generation defines at least Busy, Busy$Item and the lambda's hidden class.
    assertThat(unloadedAfter - unloadedBefore).isGreaterThanOrEqualTo(3 * 990);
    // Loaded classes stay flat: at most a couple of generations' worth (plus JDK noise).
    assertThat(loadedAfter - loadedBefore).isLessThan(200);
    // Metaspace stays flat: far below what 1,000 retained generations would use (~3 MB).
    assertThat(metaAfter - metaBefore).isLessThan(1024 * 1024);
  }

  /** Each cycle fails the domain through its proxy (half the time) or restarts it. */
  private static void cycle(ConfinedDomain<Greeter> d, int n) throws Exception {
    Greeter proxy = d.proxy();
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        DomainFailedException e =
            catchThrowableOfType(DomainFailedException.class, () -> proxy.greet("crash"));
        assertThat(e.recovered()).isTrue();
      } else {
        d.recover();
      }
      assertThat(proxy.counter()).isEqualTo(1);
      assertThat(proxy.greet("abcd")).startsWith("Item[name=abcd, n=4]long").endsWith("/1");
    }
  }

  private static void settle() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
  }
}
