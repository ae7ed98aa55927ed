package dev.custody.netfn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.domains.Domain;
import dev.custody.domains.DomainFailedException;
import dev.custody.netfn.io.CounterSink;
import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.nf.ChainNf;
import dev.custody.netfn.nf.MaglevNf;
import dev.custody.netfn.nf.NullFilter;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same network functions, each in its own domain, with faults injected. */
class DomainPipelineTest {
  static final byte POISON = (byte) 0xEE;

  /** Panics on a batch whose first packet starts with the poison byte. */
  static final class PoisonSensitive implements NetFunction {
    @Override
    public void process(PacketBatch batch) {
      if (batch.size() > 0 && batch.segment(0).get(ValueLayout.JAVA_BYTE, 0) == POISON) {
        throw new IllegalStateException("poison packet");
      }
    }
  }

  /**
   * Takes extra buffers into a batch that the domain owns (registered with {@link Domain#own}),
   * then panics: the domain's clean-up must return them.
   */
  static final class HoardThenPanic implements NetFunction {
    @Override
    public void process(PacketBatch batch) {
      PacketBatch scratch = Domain.current().own(PacketBatch.create(batch.pool(), 8));
      for (int i = 0; i < 8; i++) {
        scratch.append(64);
      }
      throw new IllegalStateException("panic while holding " + scratch.size() + " scratch buffers");
    }
  }

  @Test
  void sameFunctionsRunInTheirOwnDomains() throws Exception {
    try (PacketPool pool = new PacketPool("d", 256)) {
      CounterSink sink = new CounterSink();
      List<String> seenDomains = new ArrayList<>();
      NetFunction probe = new NetFunction() {
        @Override
        public void process(PacketBatch batch) {
          seenDomains.add(Domain.current().name());
        }
      };
      DomainStageCall probeCall = DomainStages.inOwnDomain("probe", () -> probe);
      Pipeline p = new Pipeline(pool, 32, new FlowGenerator(50, 64, 0.5, 320, 1, 9),
          List.of(DomainStages.inOwnDomain("null", NullFilter::new),
              DomainStages.inOwnDomain("chain", ChainNf::new),
              DomainStages.inOwnDomain("maglev", () -> new MaglevNf(List.of("a", "b"))),
              probeCall), sink);
      PipelineResult r = p.run();
      assertThat(r.forwarded()).isEqualTo(320);
      assertThat(seenDomains).hasSize(10).containsOnly("probe");
      assertThat(Domain.current()).isSameAs(Domain.host());
      assertThat(pool.inUse()).isZero();
    }
  }

  @Test
  void thousandsOfInjectedFailuresLeakNoBufferAndTheDomainKeepsRecovering() throws Exception {
    try (PacketPool pool = new PacketPool("f", 64)) {
      DomainStageCall faulty = DomainStages.inOwnDomain("faulty", PoisonSensitive::new);
      int tableBefore = faulty.domain().tableOccupancy();
      FlowGenerator gen = new FlowGenerator(8, 64, 0.5, -1, 2);
      int failures = 0;
      int successes = 0;
      for (int round = 0; round < 4000; round++) {
        PacketBatch b = PacketBatch.create(pool, 1 + round % 16);
        gen.fill(b);
        boolean poison = round % 2 == 0;
        if (poison) {
          b.segment(0).set(ValueLayout.JAVA_BYTE, 0, POISON);
        }
        try {
          PacketBatch out = faulty.call(b);
          assertThat(poison).isFalse();
          assertThat(out).isSameAs(b); // zero copy: the very same batch came back
          out.close();
          successes++;
        } catch (StageFailedException e) {
          assertThat(poison).isTrue();
          assertThat(e.getCause()).isInstanceOf(DomainFailedException.class);
          assertThat(((DomainFailedException) e.getCause()).recovered()).isTrue();
          assertThat(b.isClosed()).isTrue();
          failures++;
        }
        assertThat(pool.inUse()).isZero();
      }
      assertThat(failures).isEqualTo(2000);
      assertThat(successes).isEqualTo(2000);
      assertThat(faulty.domain().state()).isEqualTo(Domain.State.RUNNING);
      assertThat(faulty.domain().tableOccupancy()).isEqualTo(tableBefore);
    }
  }

  @Test
  void buffersTheDomainOwnedAreReturnedWhenItFails() throws Exception {
    try (PacketPool pool = new PacketPool("h", 64)) {
      DomainStageCall hoarder = DomainStages.inOwnDomain("hoarder", HoardThenPanic::new);
      for (int round = 0; round < 100; round++) {
        PacketBatch b = PacketBatch.create(pool, 4);
        new FlowGenerator(4, 64, 0, -1, round).fill(b);
        try {
          hoarder.call(b);
        } catch (StageFailedException expected) {
          assertThat(expected).hasRootCauseMessage("panic while holding 8 scratch buffers");
        }
        assertThat(pool.inUse()).isZero();
        assertThat(hoarder.domain().ownedCount()).isZero();
      }
    }
  }

  @Test
  void pipelineCountsLostBatchesAndFinishesAfterFaults() throws Exception {
    try (PacketPool pool = new PacketPool("p", 128)) {
      CounterSink sink = new CounterSink();
      FlowGenerator gen = new FlowGenerator(16, 64, 0.5, 1600, 4);
      int[] batchNo = {0};
      PacketSourceWithPoison src = new PacketSourceWithPoison(gen, 5, batchNo);
      Pipeline p = new Pipeline(pool, 16, src,
          List.of(DomainStages.inOwnDomain("first", NullFilter::new),
              DomainStages.inOwnDomain("faulty", PoisonSensitive::new)), sink);
      PipelineResult r = p.run();
      assertThat(r.batches()).isEqualTo(100);
      assertThat(r.stageFailures()).isEqualTo(20);
      assertThat(r.lost()).isEqualTo(20 * 16);
      assertThat(r.forwarded()).isEqualTo(1600 - 20 * 16);
      assertThat(sink.packets()).isEqualTo(r.forwarded());
      assertThat(pool.inUse()).isZero();
    }
  }

  /** Poisons every {@code period}-th batch. */
  record PacketSourceWithPoison(FlowGenerator gen, int period, int[] count)
      implements dev.custody.netfn.io.PacketSource {
    @Override
    public int fill(PacketBatch batch) {
      int n = gen.fill(batch);
      if (n > 0 && ++count[0] % period == 0) {
        batch.segment(0).set(ValueLayout.JAVA_BYTE, 0, POISON);
      }
      return n;
    }
  }
}
