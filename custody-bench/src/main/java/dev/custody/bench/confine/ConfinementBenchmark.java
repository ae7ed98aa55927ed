package dev.custody.bench.confine;

import dev.custody.domains.CrossDomainException;
import dev.custody.domains.Domain;
import dev.custody.domains.DomainFailedException;
import dev.custody.domains.FailurePolicy;
import dev.custody.domains.RRef;
import dev.custody.domains.confine.BytecodeValidator;
import dev.custody.domains.confine.ClassSource;
import dev.custody.domains.confine.ConfinedDomain;
import dev.custody.domains.confine.ConfinedDomains;
import dev.custody.domains.confine.ConfinementPolicy;
import dev.custody.domains.confine.UnreadableClassException;
import dev.custody.domains.confine.Violation;
import dev.custody.domains.confine.demo.Header;
import dev.custody.domains.confine.demo.HeaderFilter;
import dev.custody.domains.confine.demo.HeaderFilterProxy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does confinement cost? (1) Validating a class file with the ClassFile API, per
 * class, cycling over Custody's own classes found where custody-confinement was loaded from (its
 * classes directory, or all of Custody in the shaded CLI jar: a mix of sizes); (2) creating a confined
 * domain from classes in memory (validation of the source + a new class loader + defining the
 * classes + instantiating the entry + a domain and its {@code RRef}); (3) recovering a confined
 * domain (new class loader, classes defined again, static initialisers re-run, slot rebound)
 * against recovering a plain domain (slot rebound to a new object of an already loaded class);
 * (4) the hot path: a call through the generated {@code HeaderFilterProxy} into a confined domain
 * against the same call into a plain domain — it must cost the same, since confinement only
 * changes who defined the callee's class. {@code directCall} (no domain) is the floor.
 *
 * <p>Run: {@code ./custody build && java -cp custody-cli/target/custody.jar org.openjdk.jmh.Main
 * ConfinementBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConfinementBenchmark {
  private static final Header HEADER = new Header("192.168.1.10", "10.0.0.1", 40000, 80, 6, 64);

  private BytecodeValidator validator;
  private ClassSource validated;
  private List<String> classNames;
  private Map<String, byte[]> classBytes;
  private int next;

  private ClassSource stageSource;
  private ConfinedDomain<HeaderFilter> confined;
  private Domain plainDomain;
  private HeaderFilter confinedProxy;
  private HeaderFilter plainProxy;
  private HeaderFilter direct;
  private int created;

  @Setup
  public void setUp() throws Exception {
    validator = new BytecodeValidator(ConfinementPolicy.defaults());
    Path confinementClasses = Path.of(
        BytecodeValidator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    validated = ClassSource.open(confinementClasses);
    // Custody's own classes (the code source may be a shaded jar holding third-party code too).
    classNames = validated.classNames().stream().filter(n -> n.startsWith("dev.custody."))
        .filter(n -> !n.contains("jmh_generated")).toList();
    classBytes = new java.util.HashMap<>();
    for (String n : classNames) {
      classBytes.put(n, read(BytecodeValidator.class.getClassLoader(), n));
    }

    stageSource = ClassSource.of("bench-stage",
        Map.of(BenchStage.class.getName(), read(BenchStage.class.getClassLoader(),
            BenchStage.class.getName())));
    confined = ConfinedDomains.load("bench-confined", stageSource, HeaderFilter.class,
        BenchStage.class.getName(), ConfinementPolicy.defaults(), FailurePolicy.unlimited());
    confinedProxy = confined.proxy();

    plainDomain = Domain.builder("bench-plain").failurePolicy(FailurePolicy.unlimited())
        .recovery(ctx -> {
          for (RRef<?> r : ctx.pendingRefs()) {
            @SuppressWarnings("unchecked")
            RRef<HeaderFilter> f = (RRef<HeaderFilter>) r;
            ctx.rebind(f, new BenchStage());
          }
        }).build();
    RRef<HeaderFilter> plainRef =
        plainDomain.execute(() -> RRef.of(HeaderFilter.class, new BenchStage()));
    plainProxy = new HeaderFilterProxy(plainRef);
    direct = new BenchStage();
    if (confinedProxy.getClass() != plainProxy.getClass()
        || confined.entry().getClass() == BenchStage.class) {
      throw new IllegalStateException("benchmark set-up: wrong proxies or loaders");
    }
  }

  private static byte[] read(ClassLoader l, String binaryName) throws IOException {
    try (InputStream in = l.getResourceAsStream(binaryName.replace('.', '/') + ".class")) {
      if (in == null) {
        throw new IOException("class file of " + binaryName + " not found");
      }
      return in.readAllBytes();
    }
  }

  /** One class validated per invocation, cycling through the classes of custody-confinement. */
  @Benchmark
  public List<Violation> validateOneClass() throws UnreadableClassException {
    String n = classNames.get(next);
    next = next + 1 == classNames.size() ? 0 : next + 1;
    return validator.validate(n, classBytes.get(n), validated.classNames()::contains, x -> true);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public ConfinedDomain<HeaderFilter> createConfinedDomain() throws Exception {
    ConfinedDomain<HeaderFilter> d = ConfinedDomains.load("c" + (created++), stageSource,
        HeaderFilter.class, BenchStage.class.getName(), ConfinementPolicy.defaults());
    d.entry().processed(); // runs the entry class's initialisation
    return d;
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long recoverConfined() throws CrossDomainException {
    confined.recover();
    return confinedProxy.processed();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long recoverPlain() throws CrossDomainException {
    try {
      plainDomain.execute(() -> {
        throw new IllegalStateException("restart");
      });
    } catch (DomainFailedException e) {
      if (!e.recovered()) {
        throw e;
      }
    }
    return plainProxy.processed();
  }

  @Benchmark
  public Header callConfined() throws CrossDomainException {
    return confinedProxy.process(HEADER);
  }

  @Benchmark
  public Header callPlain() throws CrossDomainException {
    return plainProxy.process(HEADER);
  }

  @Benchmark
  public Header directCall() throws CrossDomainException {
    return direct.process(HEADER);
  }
}
