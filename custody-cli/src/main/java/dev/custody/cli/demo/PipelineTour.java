package dev.custody.cli.demo;

import dev.custody.netfn.demo.PipelineDemo;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Part two of the demo: the paper's workload. Packets from a pcap the demo writes run through
 * firewall → Maglev → sink, each stage in its own domain; Maglev panics mid-stream, recovers, and
 * the run finishes with every pooled buffer back in its pool.
 */
public final class PipelineTour {
  private final Style out;

  public PipelineTour(Style out) {
    this.out = out;
  }

  /** Runs the tour; returns true when the run ends as the design says. */
  public boolean run() throws Exception {
    out.section("2", "The paper's workload: firewall → Maglev → sink, one domain per stage");
    Path dir = Files.createTempDirectory("custody-demo");
    PipelineDemo.Result r = PipelineDemo.run(dir, 4096, 32, 40);
    out.line("source   " + r.inputPcap() + "  (" + r.packets() + " packets, written by the demo)");
    out.line("rules    " + String.join("; ", r.rules()));
    out.line("batches  " + r.batches() + " of up to 32 packets, moved between stages as Owned<PacketBatch>: no copies");
    out.blank();
    out.line(out.warn("fault injected") + " into Maglev on batch 40:");
    out.line("    caller saw: " + r.faultMessage());
    out.line("    Maglev recovered: " + (r.maglevRecovered() ? out.good("yes") : out.bad("no"))
        + ", the pipeline carried on with the next batch");
    out.blank();
    out.line(String.format("forwarded           %6d", r.forwarded()));
    out.line(String.format("dropped by firewall %6d", r.droppedByFirewall()));
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
    boolean accounted = r.forwarded() + r.droppedByFirewall() + r.droppedByMaglev() + r.lost() == r.packets();
    if (!accounted) {
      out.line(out.bad("packets unaccounted for: " + (r.packets() - r.forwarded() - r.droppedByFirewall()
          - r.droppedByMaglev() - r.lost())));
    }
    return accounted && r.poolInUseAtEnd() == 0 && r.maglevRecovered() && r.failures() == 1;
  }
}
