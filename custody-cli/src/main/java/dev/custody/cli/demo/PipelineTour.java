package dev.custody.cli.demo;

import dev.custody.domains.confine.ConfinedDemoSupport;
import dev.custody.domains.confine.ConfinementException;
import dev.custody.domains.confine.UnreadableClassException;
import dev.custody.netfn.demo.PipelineDemo;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Part two of the demo: the paper's workload. Packets from a pcap the demo writes run through
 * firewall → router → Maglev → sink, each stage in its own domain; the router is plugin code
 * loaded from the jar the build produces ({@code examples-confined-stage}) as a confined domain.
 * Maglev panics mid-stream, recovers, and the run finishes with every pooled buffer back in its
 * pool.
 */
public final class PipelineTour {
  private final Style out;
  private final Path home;

  /** A tour finding the stage jar under {@link ConfinedDemoSupport#home()}. */
  public PipelineTour(Style out) {
    this(out, ConfinedDemoSupport.home());
  }

  /** A tour finding the stage jar under the Custody home {@code home}. */
  public PipelineTour(Style out, Path home) {
    this.out = out;
    this.home = home;
  }

  /** Runs the tour; returns true when the run ends as the design says. */
  public boolean run() throws Exception {
    out.section("2", "The paper's workload: firewall → router → Maglev → sink, one domain per stage");
    Path dir = Files.createTempDirectory("custody-demo");
    PipelineDemo.ConfinedStage stage = PipelineDemo.ConfinedStage.router(home);
    PipelineDemo.Result r;
    try {
      r = PipelineDemo.run(dir, 4096, 32, 40, stage);
    } catch (UnreadableClassException e) {
      out.line(out.bad("router stage jar not built: " + e.getMessage()
          + " (run ./custody build)"));
      return false;
    } catch (ConfinementException e) {
      out.line(out.bad("router stage refused by the validator:"));
      e.getMessage().lines().forEach(l -> out.line("    " + l));
      return false;
    }
    PipelineDemo.Confined c = r.confined().orElseThrow();
    out.line("stage    \"" + c.name() + "\" was loaded from " + shown(c.jar())
        + " as a confined domain " + out.good("(own class loader '" + c.classLoader()
        + "', bytecode validated)"));
    out.line("         TTL decrement and MAC swap by plugin code (" + c.entryClass()
        + "), called through the same StageProxy as the other stages");
    out.line("source   " + r.inputPcap() + "  (" + r.packets() + " packets, written by the demo)");
    out.line("rules    " + String.join("; ", r.rules()));
    out.line("batches  " + r.batches() + " of up to 32 packets, the linear PacketBatch moves from stage to stage: no copies");
    out.blank();
    out.line(out.warn("fault injected") + " into Maglev on batch 40:");
    out.line("    caller saw: " + r.faultMessage());
    out.line("    Maglev recovered: " + (r.maglevRecovered() ? out.good("yes") : out.bad("no"))
        + ", the pipeline carried on with the next batch");
    out.blank();
    out.line(String.format("forwarded           %6d", r.forwarded()));
    out.line(String.format("dropped by firewall %6d", r.droppedByFirewall()));
    out.line(String.format("dropped by router   %6d  (TTL expired; confined, generation %d)",
        c.dropped(), c.generation()));
    out.line(String.format("dropped by Maglev   %6d  (malformed)", r.droppedByMaglev()));
    out.line(String.format("lost in the fault   %6d  (the batch inside Maglev when it panicked)", r.lost()));
    StringBuilder share = new StringBuilder();
    for (int i = 0; i < PipelineDemo.BACKENDS.size(); i++) {
      share.append(String.format("%s %d  ", PipelineDemo.BACKENDS.get(i), r.perBackend().get(i)));
    }
    out.line("per backend         " + share.toString().trim());
    out.line("output   " + r.outputPcap());
    String pool = String.format("pool     %d of %d buffers in use at the end", r.poolInUseAtEnd(), r.poolCapacity());
    out.line(r.poolInUseAtEnd() == 0 ? out.good(pool + ": nothing leaked") : out.bad(pool + ": LEAK"));
    boolean accounted = r.accountedFor();
    if (!accounted) {
      out.line(out.bad("packets unaccounted for: " + (r.packets() - r.forwarded() - r.droppedByFirewall()
          - c.dropped() - r.droppedByMaglev() - r.lost())));
    }
    return accounted && r.poolInUseAtEnd() == 0 && r.maglevRecovered() && r.failures() == 1;
  }

  /** {@code p} relative to the Custody home when it lies under it: shorter, and what users built. */
  private String shown(Path p) {
    Path h = home.toAbsolutePath().normalize();
    Path a = p.toAbsolutePath().normalize();
    return a.startsWith(h) ? h.relativize(a).toString() : a.toString();
  }
}
