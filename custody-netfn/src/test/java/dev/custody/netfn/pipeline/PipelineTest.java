package dev.custody.netfn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.netfn.io.CounterSink;
import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.io.PcapSink;
import dev.custody.netfn.io.PcapSource;
import dev.custody.netfn.nf.ChainNf;
import dev.custody.netfn.nf.MaglevNf;
import dev.custody.netfn.nf.NullFilter;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
  /** Fails on every {@code period}-th batch, after touching (and dropping some of) it. */
  static final class FaultyNf implements NetFunction {
    private final int period;
    private int calls;

    FaultyNf(int period) {
      this.period = period;
    }

    @Override
    public void process(PacketBatch batch) {
      if (++calls % period == 0) {
        if (batch.size() > 1) {
          batch.drop(0);
        }
        throw new IllegalStateException("injected fault #" + calls);
      }
    }
  }

  @Test
  void runsToCompletionThroughChainAndMaglev() throws Exception {
    try (PacketPool pool = new PacketPool("p", 512)) {
      FlowGenerator gen = new FlowGenerator(100, 64, 0.5, 1000, 1, 2);
      CounterSink sink = new CounterSink();
      MaglevNf maglev = new MaglevNf(List.of("a", "b", "c"));
      Pipeline p = new Pipeline(pool, 32, gen,
          List.of(new PlainStageCall(new NullFilter()), new PlainStageCall(new ChainNf()),
              new PlainStageCall(maglev)), sink);
      PipelineResult r = p.run();
      assertThat(r.received()).isEqualTo(1000);
      assertThat(r.forwarded()).isEqualTo(1000);
      assertThat(r.batches()).isEqualTo(32);
      assertThat(sink.packets()).isEqualTo(1000);
      assertThat(maglev.packetsTo(0) + maglev.packetsTo(1) + maglev.packetsTo(2)).isEqualTo(1000);
      assertThat(pool.inUse()).isZero();
    }
  }

  @Test
  void ttlExpiryIsCountedAsDrops() throws Exception {
    try (PacketPool pool = new PacketPool("p", 64)) {
      Pipeline p = new Pipeline(pool, 16, new FlowGenerator(4, 64, 0, 100, 1, 1),
          List.of(new PlainStageCall(new ChainNf())), new CounterSink());
      PipelineResult r = p.run();
      assertThat(r.dropped()).isEqualTo(100);
      assertThat(r.forwarded()).isZero();
      assertThat(pool.inUse()).isZero();
    }
  }

  @Test
  void failedStagesLoseTheirBatchButLeakNoBuffer() throws Exception {
    try (PacketPool pool = new PacketPool("p", 64)) {
      CounterSink sink = new CounterSink();
      List<StageFailedException> seen = new ArrayList<>();
      Pipeline p = new Pipeline(pool, 8, new FlowGenerator(10, 64, 0.5, 800, 2),
          List.of(new PlainStageCall(new NullFilter()), new PlainStageCall(new FaultyNf(3))), sink)
          .onFailure(seen::add);
      PipelineResult r = p.run();
      assertThat(r.batches()).isEqualTo(100);
      assertThat(r.stageFailures()).isEqualTo(33);
      assertThat(r.lost()).isEqualTo(33 * 8);
      assertThat(r.forwarded()).isEqualTo(800 - 33 * 8);
      assertThat(seen).hasSize(33);
      assertThat(seen.get(0)).hasRootCauseMessage("injected fault #3");
      assertThat(pool.inUse()).isZero();
    }
  }

  @Test
  void pcapFileThroughPipelineToPcapFile(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("in.pcap");
    Path out = dir.resolve("out.pcap");
    try (PacketPool pool = new PacketPool("p", 64)) {
      try (PcapSink w = new PcapSink(in)) {
        new Pipeline(pool, 10, new FlowGenerator(5, 80, 0.5, 55, 9, 3), List.of(), w).run();
      }
      PipelineResult r;
      try (PcapSource src = new PcapSource(in); PcapSink w = new PcapSink(out)) {
        r = new Pipeline(pool, 4, src, List.of(new PlainStageCall(new ChainNf())), w).run();
      }
      assertThat(r.received()).isEqualTo(55);
      assertThat(r.forwarded()).isEqualTo(55);
      try (PcapSource src = new PcapSource(out)) {
        CounterSink c = new CounterSink();
        new Pipeline(pool, 256, src, List.of(), c).run();
        assertThat(c.packets()).isEqualTo(55);
        assertThat(c.bytes()).isEqualTo(55 * 80);
      }
      assertThat(pool.inUse()).isZero();
    }
  }
}
