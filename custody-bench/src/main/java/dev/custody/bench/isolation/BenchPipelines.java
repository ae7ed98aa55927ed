package dev.custody.bench.isolation;

import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.nf.NullFilter;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pipeline.CopyingStageCall;
import dev.custody.netfn.pipeline.DomainStages;
import dev.custody.netfn.pipeline.PlainStageCall;
import dev.custody.netfn.pipeline.StageCall;

/** Builds the pipelines the benchmarks measure. */
final class BenchPipelines {
  /** Frame size of benchmark packets: minimum-size Ethernet, as in NetBricks' measurements. */
  static final int PACKET_SIZE = 64;

  private BenchPipelines() {}

  /** How the stages are called. */
  enum Mode {
    /** Plain Java calls. */
    PLAIN,
    /** Each stage in its own domain; the batch moves across, zero copy. */
    PROTECTED,
    /** Each stage in its own domain, and each crossing deep-copies the batch (no ownership). */
    COPY
  }

  static StageCall[] nullFilters(Mode mode, int length, String tag) {
    StageCall[] calls = new StageCall[length];
    for (int i = 0; i < length; i++) {
      calls[i] = switch (mode) {
        case PLAIN -> new PlainStageCall(new NullFilter());
        case PROTECTED -> DomainStages.inOwnDomain(tag + "-null-" + i, NullFilter::new);
        case COPY -> new CopyingStageCall(DomainStages.inOwnDomain(tag + "-copy-" + i, NullFilter::new));
      };
    }
    return calls;
  }

  static PacketBatch filled(PacketPool pool, int batch, FlowGenerator gen) {
    PacketBatch b = PacketBatch.create(pool, batch);
    gen.fill(b);
    if (b.size() != batch) {
      throw new IllegalStateException("pool too small for a batch of " + batch);
    }
    return b;
  }

  /**
   * Ends a trial: closes the batch the benchmark still owns, fails if any buffer is still out of
   * the pool (a leak would make every later figure wrong), and closes the pool.
   */
  static void closeAndCheckNoLeak(PacketBatch current, PacketPool pool, String what) {
    current.close();
    if (pool.inUse() != 0) {
      throw new IllegalStateException(what + " leaked " + pool.inUse() + " buffers");
    }
    pool.close();
  }
}
