package dev.custody.domains.confine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.domains.confine.testapi.Greeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedDomainsTest {
  static final String COUNTING = """
      package plug;
      import dev.custody.domains.confine.testapi.Greeter;
      public class Counting implements Greeter {
        static int count;
        static final java.util.List<String> seen = new java.util.ArrayList<>();
        public String greet(String who) {
          seen.add(who);
          return "hello " + who + " #" + seen.size();
        }
        public int counter() { return ++count; }
      }
      """;

  static ClassSource counting() {
    return InMemoryCompiler.source("counting", Map.of("plug.Counting", COUNTING));
  }

  static ConfinedDomain<Greeter> load(String name, ClassSource s, String entry) throws Exception {
    return ConfinedDomains.load(name, s, Greeter.class, entry, ConfinementPolicy.defaults());
  }

  @Test
  void entryRunsInsideItsOwnLoader() throws Exception {
    ConfinedDomain<Greeter> d = load("a", counting(), "plug.Counting");
    Greeter g = d.entry();
    assertThat(g.greet("bob")).isEqualTo("hello bob #1");
    assertThat(g.getClass().getClassLoader()).isInstanceOf(ConfinedClassLoader.class);
    assertThat(g.getClass().getClassLoader().getName()).isEqualTo("confined:a");
    assertThat(d.owns(g.getClass())).isTrue();
    // the interface is the host's, not a copy
    assertThat(g).isInstanceOf(Greeter.class);
  }

  @Test
  void twoDomainsFromTheSameJarHaveSeparateStatics(@TempDir Path tmp) throws Exception {
    Path jar = InMemoryCompiler.writeJar(tmp.resolve("counting.jar"),
        InMemoryCompiler.compile(Map.of("plug.Counting", COUNTING)));
    ConfinedDomain<Greeter> a = ConfinedDomains.load("a", jar, Greeter.class, "plug.Counting",
        ConfinementPolicy.defaults());
    ConfinedDomain<Greeter> b = ConfinedDomains.load("b", jar, Greeter.class, "plug.Counting",
        ConfinementPolicy.defaults());
    assertThat(a.entry().counter()).isEqualTo(1);
    assertThat(a.entry().counter()).isEqualTo(2);
    assertThat(a.entry().counter()).isEqualTo(3);
    assertThat(b.entry().counter()).isEqualTo(1);
    assertThat(a.entry().getClass()).isNotSameAs(b.entry().getClass());
    assertThat(a.entry().getClass().getName()).isEqualTo(b.entry().getClass().getName());
  }

  @Test
  void loadsFromAClassDirectory(@TempDir Path tmp) throws Exception {
    Path dir = InMemoryCompiler.writeDir(tmp.resolve("classes"),
        InMemoryCompiler.compile(Map.of("plug.Counting", COUNTING)));
    ConfinedDomain<Greeter> d = ConfinedDomains.load("dir", dir, Greeter.class, "plug.Counting",
        ConfinementPolicy.defaults());
    assertThat(d.entry().counter()).isEqualTo(1);
  }

  @Test
  void recoveryStartsWithFreshStatics() throws Exception {
    ConfinedDomain<Greeter> d = load("r", counting(), "plug.Counting");
    d.entry().counter();
    d.entry().counter();
    d.entry().greet("x");
    assertThat(d.entry().counter()).isEqualTo(3);
    Class<?> before = d.entry().getClass();
    Greeter fresh = d.recover();
    assertThat(fresh.counter()).isEqualTo(1);
    assertThat(fresh.greet("y")).isEqualTo("hello y #1");
    assertThat(fresh.getClass()).isNotSameAs(before);
    assertThat(d.generation()).isEqualTo(2);
    assertThat(d.owns(before)).isFalse();
  }

  @Test
  void failureThroughTheProxyIsContainedAndRecoveredWithFreshStatics() throws Exception {
    String src = """
        package plug;
        import dev.custody.domains.Domain;
        import dev.custody.domains.confine.testapi.Greeter;
        public class Fragile implements Greeter {
          static int count;
          public String greet(String who) {
            if (who.isEmpty()) throw new IllegalStateException("empty name");
            return Domain.current().name() + ":" + who;
          }
          public int counter() { return ++count; }
        }
        """;
    ConfinedDomain<Greeter> d = load("fragile",
        InMemoryCompiler.source("fragile", Map.of("plug.Fragile", src)), "plug.Fragile");
    Greeter proxy = d.proxy();
    assertThat(proxy.getClass().getName())
        .isEqualTo("dev.custody.domains.confine.testapi.GreeterProxy");
    assertThat(proxy.greet("bob")).isEqualTo("fragile:bob"); // runs as the confined domain
    proxy.counter();
    assertThat(proxy.counter()).isEqualTo(2);
    Class<?> before = d.entry().getClass();
    assertThatThrownBy(() -> proxy.greet(""))
        .isInstanceOfSatisfying(dev.custody.domains.DomainFailedException.class, e -> {
          assertThat(e.recovered()).isTrue();
          assertThat(e.getCause()).hasMessage("empty name");
        });
    assertThat(proxy.counter()).isEqualTo(1); // same proxy, fresh class, fresh statics
    assertThat(d.entry().getClass()).isNotSameAs(before);
    assertThat(d.generation()).isEqualTo(2);
    assertThat(d.domain().state()).isEqualTo(dev.custody.domains.Domain.State.RUNNING);
  }

  @Test
  void domainCodeMayNotUseTheProxyRuntime() {
    String src = """
        package plug;
        import dev.custody.domains.*;
        public class Sneaky {
          Object f() { return ProxySupport.class; }
        }
        """;
    assertThatThrownBy(() -> load("sneaky",
        InMemoryCompiler.source("s", Map.of("plug.Sneaky", src)), "plug.Sneaky"))
        .isInstanceOf(ConfinementException.class)
        .hasMessageContaining("references class dev.custody.domains.ProxySupport")
        .hasMessageContaining("[custody-internal]");
  }

  @Test
  void rejectedDomainIsNotCreatedAndEveryViolationIsListed() throws Exception {
    String hostile = """
        package plug;
        import dev.custody.domains.confine.testapi.Greeter;
        public class Hostile implements Greeter {
          static { System.setProperty("pwned", "yes"); }
          public String greet(String who) { System.exit(1); return who; }
          public int counter() { new Thread(() -> {}).start(); return 0; }
        }
        """;
    ClassSource s = InMemoryCompiler.source("hostile", Map.of("plug.Hostile", hostile,
        "plug.Helper", "package plug; class Helper { Runnable r = () -> Runtime.getRuntime().halt(9); }"));
    assertThatThrownBy(() -> load("evil", s, "plug.Hostile"))
        .isInstanceOfSatisfying(ConfinementException.class, e -> {
          assertThat(e.violations()).extracting(v -> v.category().tag())
              .containsExactlyInAnyOrder("exit", "system-properties", "exit", "threads");
          assertThat(e.getMessage()).startsWith(
              "domain 'evil' refused by the confinement policy: 4 violations")
              .contains("plug.Hostile.greet(Ljava/lang/String;)Ljava/lang/String; @ offset")
              .contains("plug.Helper.lambda$new$0()V");
        });
    // nothing else is affected: the host and other domains go on
    assertThat(System.getProperty("pwned")).isNull();
    assertThat(load("ok", counting(), "plug.Counting").entry().counter()).isEqualTo(1);
  }

  @Test
  void grantedFileCapabilityWorksAndStaysInsideItsDirectory(@TempDir Path tmp) throws Exception {
    Path granted = Files.createDirectory(tmp.resolve("granted"));
    Files.writeString(granted.resolve("motd.txt"), "welcome");
    Files.writeString(tmp.resolve("secret.txt"), "s3cr3t");
    String reader = """
        package plug;
        import dev.custody.domains.confine.*;
        import dev.custody.domains.confine.testapi.Greeter;
        public class Reader implements Greeter {
          private final FileCapability files;
          public Reader(Capabilities caps) { files = caps.get("files", FileCapability.class); }
          public String greet(String path) { return files.read(path); }
          public int counter() { files.write("count.txt", "1"); return files.list().size(); }
        }
        """;
    ConfinementPolicy policy = ConfinementPolicy.defaults()
        .withCapability("files", FileCapability.under(granted, true));
    ConfinedDomain<Greeter> d = ConfinedDomains.load("reader",
        InMemoryCompiler.source("reader", Map.of("plug.Reader", reader)), Greeter.class,
        "plug.Reader", policy);
    assertThat(d.entry().greet("motd.txt")).isEqualTo("welcome");
    assertThat(d.entry().counter()).isEqualTo(2);
    assertThat(Files.readString(granted.resolve("count.txt"))).isEqualTo("1");
    assertThatThrownBy(() -> d.entry().greet("../secret.txt"))
        .isInstanceOf(CapabilityException.class)
        .hasMessageContaining("leaves the granted directory");
    assertThatThrownBy(() -> d.entry().greet(tmp.resolve("secret.txt").toString()))
        .isInstanceOf(CapabilityException.class);
    // without the grant the same code is accepted but gets no capability
    assertThatThrownBy(() -> ConfinedDomains.load("nocap",
        InMemoryCompiler.source("reader", Map.of("plug.Reader", reader)), Greeter.class,
        "plug.Reader", ConfinementPolicy.defaults()))
        .isInstanceOf(ConfinedDomainException.class)
        .hasMessageContaining("no capability 'files' was granted");
  }

  @Test
  void readOnlyCapabilityRefusesWrites(@TempDir Path tmp) {
    FileCapability ro = FileCapability.under(tmp, false);
    assertThatThrownBy(() -> ro.write("x", "y")).isInstanceOf(CapabilityException.class)
        .hasMessageContaining("read-only");
  }

  @Test
  void hostClassesOutsideVisiblePackagesAreInvisible() throws Exception {
    String peek = """
        package plug;
        import dev.custody.domains.confine.testapi.Greeter;
        public class Peek implements Greeter {
          public String greet(String who) { return "" + org.acme.host.HostSecret.value; }
          public int counter() { return 0; }
        }
        """;
    ConfinedDomain<Greeter> d = load("peek",
        InMemoryCompiler.source("peek", Map.of("plug.Peek", peek)), "plug.Peek");
    assertThatThrownBy(() -> d.entry().greet("x")).isInstanceOf(NoClassDefFoundError.class)
        .hasMessageContaining("org/acme/host/HostSecret");
    // a granted package becomes visible
    ConfinedDomain<Greeter> granted = ConfinedDomains.load("peek2",
        InMemoryCompiler.source("peek", Map.of("plug.Peek", peek)), Greeter.class, "plug.Peek",
        ConfinementPolicy.defaults().withVisiblePackage("org.acme.host"));
    assertThat(granted.entry().greet("x")).isEqualTo("42");
  }

  @Test
  void domainCannotShadowCustodyApiOrInterfaceClasses() throws Exception {
    String fake = """
        package dev.custody.domains.confine.testapi;
        public interface Greeter { String greet(String who); int counter(); int extra(); }
        """;
    Map<String, byte[]> classes = new java.util.TreeMap<>(
        InMemoryCompiler.compile(Map.of("plug.Counting", COUNTING)));
    classes.putAll(InMemoryCompiler.compile(
        Map.of("dev.custody.domains.confine.testapi.Greeter", fake)));
    assertThat(classes).containsKey("dev.custody.domains.confine.testapi.Greeter");
    ClassSource s = ClassSource.of("shadow", classes);
    ConfinedDomain<Greeter> d = load("shadow", s, "plug.Counting");
    assertThat(d.entry()).isInstanceOf(Greeter.class); // the host's Greeter, not the jar's
    assertThat(Greeter.class.getClassLoader())
        .isSameAs(d.entry().getClass().getInterfaces()[0].getClassLoader());
  }

  @Test
  void entryClassProblemsAreReportedClearly() throws Exception {
    ClassSource s = counting();
    assertThatThrownBy(() -> load("x", s, "plug.Missing"))
        .isInstanceOf(ConfinedDomainException.class).hasMessageContaining("plug.Missing not found");
    ClassSource noIface = InMemoryCompiler.source("n",
        Map.of("plug.Plain", "package plug; public class Plain {}"));
    assertThatThrownBy(() -> load("x", noIface, "plug.Plain"))
        .isInstanceOf(ConfinedDomainException.class)
        .hasMessageContaining("does not implement " + Greeter.class.getName());
  }

  @Test
  void staticFactoryIsPreferredAndUsedWithoutReflectionTricks() throws Exception {
    String src = """
        package plug;
        import dev.custody.domains.confine.testapi.Greeter;
        public class Made implements Greeter {
          private final String how;
          private Made(String how) { this.how = how; }
          public static Made create() { return new Made("factory"); }
          public String greet(String who) { return how; }
          public int counter() { return 0; }
        }
        """;
    ConfinedDomain<Greeter> d = load("f", InMemoryCompiler.source("f", Map.of("plug.Made", src)),
        "plug.Made");
    assertThat(d.entry().greet("")).isEqualTo("factory");
  }

  @Test
  void unreadableInputIsReported(@TempDir Path tmp) throws Exception {
    assertThatThrownBy(() -> ConfinedDomains.validate(tmp.resolve("nope.jar"),
        ConfinementPolicy.defaults()))
        .isInstanceOf(UnreadableClassException.class).hasMessageContaining("no such file");
    Path junk = Files.writeString(tmp.resolve("junk.jar"), "not a zip");
    assertThatThrownBy(() -> ConfinedDomains.validate(junk, ConfinementPolicy.defaults()))
        .isInstanceOf(UnreadableClassException.class).hasMessageContaining("not a valid jar");
  }
}
