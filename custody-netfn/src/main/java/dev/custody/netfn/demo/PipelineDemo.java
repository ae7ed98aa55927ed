package dev.custody.netfn.demo;

import dev.custody.Borrowed;
import dev.custody.domains.Domain;
import dev.custody.domains.Panic;
import dev.custody.domains.confine.ConfinedDemoSupport;
import dev.custody.domains.confine.ConfinedDomain;
import dev.custody.domains.confine.ConfinedDomains;
import dev.custody.domains.confine.ConfinementPolicy;
import dev.custody.netfn.firewall.Action;
import dev.custody.netfn.firewall.PortRange;
import dev.custody.netfn.firewall.Prefix;
import dev.custody.netfn.firewall.Rule;
import dev.custody.netfn.firewall.RuleDatabase;
import dev.custody.netfn.io.CounterSink;
import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.io.PcapSink;
import dev.custody.netfn.io.PcapSource;
import dev.custody.netfn.maglev.Maglev;
import dev.custody.netfn.nf.FirewallNf;
import dev.custody.netfn.nf.MaglevNf;
import dev.custody.netfn.packet.Bytes;
import dev.custody.netfn.packet.EthernetView;
import dev.custody.netfn.packet.Ipv4View;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pcap.PcapWriter;
import dev.custody.netfn.pipeline.DomainStageCall;
import dev.custody.netfn.pipeline.DomainStages;
import dev.custody.netfn.pipeline.NetFunction;
import dev.custody.netfn.pipeline.Pipeline;
import dev.custody.netfn.pipeline.PipelineResult;
import dev.custody.netfn.pipeline.Stage;
import dev.custody.netfn.pipeline.StageCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The packet part of {@code custody demo}, reusable: writes a pcap of synthetic flows (with a few
 * malformed packets and a few whose TTL runs out at the next hop), then reads it back through firewall → Maglev → sink, each stage in its own
 * protection domain, with a fault injected into Maglev mid-stream. The Maglev domain recovers
 * (its stage is rebuilt) and the run finishes; the result says what was forwarded, dropped and
 * lost, and the pool's occupancy at the end (0: nothing leaked).
 *
 * <p>The {@linkplain #run(Path, int, int, int, ConfinedStage) confined variant} puts one more
 * stage between the firewall and Maglev: plugin code loaded from a jar as a <em>confined</em>
 * domain ({@link ConfinedDomains}, default policy: its own class loader, every class validated
 * before it is defined), called through the same generated {@code StageProxy} as the others. The
 * demo's is {@link ConfinedStage#router(Path)}: the paper's chain NF (MAC swap, TTL decrement),
 * built by {@code examples-confined-stage}.
 *
 * <p>Not thread-safe; each {@link #run} is independent.
 */
public final class PipelineDemo {
  /** Backends of the demo's Maglev. */
  public static final List<String> BACKENDS = List.of("web-a", "web-b", "web-c", "web-d");

  /** Entry class of the router stage in {@link ConfinedDemoSupport#STAGE_JAR}: a {@link Stage}. */
  public static final String ROUTER_ENTRY = "dev.example.stage.RouterStage";

  /**
   * A pipeline stage to load from a jar or class directory as a confined domain.
   *
   * @param name the stage's (and its domain's) name
   * @param jar the jar or class directory holding the stage's code
   * @param entryClass a public class of {@code jar} implementing {@link Stage}, with a public
   *     no-arg constructor (or another form {@link ConfinedDomains#load} accepts)
   */
  public record ConfinedStage(String name, Path jar, String entryClass) {
    public ConfinedStage {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(jar, "jar");
      Objects.requireNonNull(entryClass, "entryClass");
    }

    /**
     * The demo's router (TTL decrement, MAC swap) from the jar the build produces under {@code
     * home} ({@link ConfinedDemoSupport#stageJar(Path)}).
     */
    public static ConfinedStage router(Path home) {
      return new ConfinedStage("router", ConfinedDemoSupport.stageJar(home), ROUTER_ENTRY);
    }
  }

  /**
   * The confined stage of a run.
   *
   * @param name the stage's name, as in the pipeline
   * @param jar where its code was loaded from
   * @param entryClass its entry class
   * @param classLoader the name of the class loader that defined it (one per confined domain)
   * @param dropped packets it dropped (TTL expired, malformed)
   * @param generation class loaders the domain has had by the end (1: it never failed)
   */
  public record Confined(String name, Path jar, String entryClass, String classLoader,
      long dropped, long generation) {}

  /**
   * What the run did.
   *
   * @param inputPcap the pcap the demo wrote and read
   * @param outputPcap the forwarded packets, as written by the sink stage
   * @param packets packets read from the pcap
   * @param forwarded packets that reached the sink
   * @param droppedByFirewall packets the firewall dropped (rules, or malformed)
   * @param droppedByMaglev packets Maglev dropped (malformed)
   * @param lost packets in the batch that was in Maglev when it failed
   * @param batches batches processed
   * @param failures stage failures
   * @param faultMessage what the caller was told when the fault hit
   * @param maglevRecovered whether Maglev's domain was running again after the fault
   * @param perBackend packets per Maglev backend as counted by the sink stage
   * @param poolInUseAtEnd buffers still allocated after the run
   * @param poolCapacity buffers in the pool
   * @param rules the firewall rules in force
   * @param confined the stage loaded as a confined domain, if the run had one
   */
  public record Result(
      Path inputPcap,
      Path outputPcap,
      long packets,
      long forwarded,
      long droppedByFirewall,
      long droppedByMaglev,
      long lost,
      long batches,
      long failures,
      String faultMessage,
      boolean maglevRecovered,
      List<Long> perBackend,
      int poolInUseAtEnd,
      int poolCapacity,
      List<String> rules,
      Optional<Confined> confined) {
    /** Whether every packet read is forwarded, dropped by some stage, or lost in the fault. */
    public boolean accountedFor() {
      long confinedDrops = confined.map(Confined::dropped).orElse(0L);
      return forwarded + droppedByFirewall + confinedDrops + droppedByMaglev + lost == packets;
    }
  }

  /** Panics once, on the {@code failAt}-th batch it sees, then behaves; rebuilt on recovery. */
  static final class FaultyMaglev implements NetFunction {
    private final NetFunction inner;
    private final AtomicInteger batchesSeen;
    private final int failAt;

    FaultyMaglev(NetFunction inner, AtomicInteger batchesSeen, int failAt) {
      this.inner = inner;
      this.batchesSeen = batchesSeen;
      this.failAt = failAt;
    }

    @Override
    public void process(@Borrowed PacketBatch batch) {
      if (batchesSeen.incrementAndGet() == failAt) {
        // A bug in the middle of a batch: half the packets were already rewritten.
        throw new Panic(
            "injected fault in Maglev (batch " + failAt + ", " + batch.size() + " packets in flight)");
      }
      inner.process(batch);
    }

    @Override
    public String name() {
      return "maglev";
    }
  }

  /** The sink stage: writes each packet to the output pcap and counts it by backend MAC. */
  static final class SinkNf implements NetFunction {
    private final PcapWriter out;
    private final AtomicLong[] perBackend;

    SinkNf(PcapWriter out, AtomicLong[] perBackend) {
      this.out = out;
      this.perBackend = perBackend;
    }

    @Override
    public void process(@Borrowed PacketBatch batch) {
      try {
        out.write(batch);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      for (int i = 0; i < batch.size(); i++) {
        int id = Bytes.u16(batch.segment(i), 4);
        if (id < perBackend.length) {
          perBackend[id].incrementAndGet();
        }
      }
    }

    @Override
    public String name() {
      return "sink";
    }
  }

  private PipelineDemo() {}

  /** The demo's firewall: no telnet or SSH from outside, nothing to 192.168.255.0/24. */
  public static RuleDatabase demoRules() {
    return RuleDatabase.of(Action.ALLOW, List.of(
        new Rule(10, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.of(22), Rule.TCP, Action.DENY),
        new Rule(20, Prefix.ANY, Prefix.ANY, PortRange.ANY, PortRange.of(23), Rule.ANY_PROTOCOL, Action.DENY),
        new Rule(30, Prefix.ANY, Prefix.parse("192.168.255.0/24"), PortRange.ANY, PortRange.ANY,
            Rule.ANY_PROTOCOL, Action.DENY)));
  }

  /**
   * Runs the demo in {@code dir} (created if needed): {@code packets} synthetic packets in
   * batches of {@code batchSize}, the fault on Maglev's {@code failAtBatch}-th batch.
   */
  public static Result run(Path dir, int packets, int batchSize, int failAtBatch) throws IOException {
    return run(dir, packets, batchSize, failAtBatch, null);
  }

  /**
   * As {@link #run(Path, int, int, int)}, with {@code confined} loaded from its jar as a confined
   * domain under {@link ConfinementPolicy#defaults()} and run between the firewall and Maglev
   * (firewall → {@code confined} → Maglev → sink). The confined domain is shut down at the end.
   *
   * @param confined the stage to confine, or null for none
   * @throws dev.custody.domains.confine.UnreadableClassException if the jar is missing (not
   *     built) or unreadable
   * @throws dev.custody.domains.confine.ConfinementException if the stage's code breaks the
   *     policy (nothing is run)
   */
  public static Result run(Path dir, int packets, int batchSize, int failAtBatch,
      ConfinedStage confined) throws IOException {
    Files.createDirectories(dir);
    Path in = dir.resolve("demo-input.pcap");
    Path out = dir.resolve("demo-forwarded.pcap");
    try (PacketPool pool = new PacketPool("demo", 1024)) {
      writeInput(pool, in, packets);
      AtomicInteger seen = new AtomicInteger();
      AtomicLong[] perBackend = new AtomicLong[BACKENDS.size()];
      for (int i = 0; i < perBackend.length; i++) {
        perBackend[i] = new AtomicLong();
      }
      List<String> faults = new ArrayList<>();
      DomainStageCall firewall = DomainStages.inOwnDomain("firewall", () -> new FirewallNf(demoRules()));
      DomainStageCall maglev = DomainStages.inOwnDomain("maglev",
          () -> new FaultyMaglev(new MaglevNf(new Maglev(BACKENDS)), seen, failAtBatch));
      ConfinedDomain<Stage> confinedDomain = confined == null ? null
          : ConfinedDomains.load(confined.name(), confined.jar(), Stage.class,
              confined.entryClass(), ConfinementPolicy.defaults());
      List<StageCall> middle = confinedDomain == null ? List.of()
          : List.of(new DomainStageCall(confined.name(), confinedDomain.domain(),
              confinedDomain.proxy()));
      PipelineResult r;
      Optional<Confined> confinedInfo = Optional.empty();
      try (PcapWriter writer = PcapWriter.create(out); PcapSource source = new PcapSource(in)) {
        DomainStageCall sink = DomainStages.inOwnDomain("sink", () -> new SinkNf(writer, perBackend));
        List<StageCall> stages = new ArrayList<>();
        stages.add(firewall);
        stages.addAll(middle);
        stages.add(maglev);
        stages.add(sink);
        Pipeline p = new Pipeline(pool, batchSize, source, stages, new CounterSink())
            .onFailure(e -> faults.add(e.getMessage()));
        r = p.run();
        if (confinedDomain != null) {
          confinedInfo = Optional.of(new Confined(confined.name(), confined.jar(),
              confined.entryClass(), confinedDomain.entry().getClass().getClassLoader().getName(),
              r.droppedByStage().getOrDefault(confined.name(), 0L), confinedDomain.generation()));
        }
      } finally {
        if (confinedDomain != null) {
          confinedDomain.shutdown(); // drops its class loader
        }
      }
      List<Long> counts = new ArrayList<>();
      for (AtomicLong c : perBackend) {
        counts.add(c.get());
      }
      List<String> rules = new ArrayList<>();
      for (Rule rule : demoRules().rules()) {
        rules.add(rule.toString());
      }
      return new Result(in, out, r.received(), r.forwarded(),
          r.droppedByStage().getOrDefault("firewall", 0L), r.droppedByStage().getOrDefault("maglev", 0L),
          r.lost(), r.batches(), r.stageFailures(), faults.isEmpty() ? "(no fault hit)" : faults.get(0),
          maglev.domain().state() == Domain.State.RUNNING && r.stageFailures() > 0,
          List.copyOf(counts), pool.inUse(), pool.capacity(), rules, confinedInfo);
    }
  }

  /**
   * Synthetic flows; every 97th packet is made malformed (bad IHL) and every 89th arrives with TTL
   * 1 (checksum fixed), which a router stage must drop, to show counted drops.
   */
  private static void writeInput(PacketPool pool, Path file, int packets) throws IOException {
    FlowGenerator gen = new FlowGenerator(300, 128, 0.4, packets, 42);
    Ipv4View ip = new Ipv4View();
    try (PcapSink sink = new PcapSink(file)) {
      int written = 0;
      while (true) {
        PacketBatch b = PacketBatch.create(pool, 64);
        if (gen.fill(b) < 0) {
          b.close();
          break;
        }
        for (int i = 0; i < b.size(); i++, written++) {
          if (written % 89 == 88 && ip.wrap(b.segment(i), EthernetView.HEADER_LENGTH,
              b.length(i) - EthernetView.HEADER_LENGTH) == null) {
            ip.setTtl(1);
            ip.updateChecksum();
          }
          if (written % 97 == 96) {
            Bytes.u8(b.segment(i), 14, 0x42);
          }
        }
        sink.accept(b);
      }
    }
  }
}
