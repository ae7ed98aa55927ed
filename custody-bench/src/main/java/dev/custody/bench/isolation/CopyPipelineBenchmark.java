package dev.custody.bench.isolation;

import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pipeline.StageCall;
import dev.custody.netfn.pipeline.StageFailedException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Question: what would a crossing cost without ownership transfer? Isolation that cannot move a
 * batch (J-Kernel, WebAssembly, a private heap per domain) must deep-copy it at every boundary.
 *
 * <p>The same pipeline as {@link NullPipelineBenchmark} ({@code length} null filters, each in its
 * own domain), but every crossing copies the batch into freshly allocated pool buffers and frees
 * the old ones. Copy overhead per call is {@code (COPY - PLAIN) / length}, with PLAIN from {@link
 * NullPipelineBenchmark}. Sampled like it, one pipeline traversal per sample (a copy of 256
 * packets takes tens of microseconds already); the suite takes the median.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CopyPipelineBenchmark {
  @Param({"1", "2", "4", "8", "16", "32", "64", "128", "256"})
  public int batch;

  @Param({"5"})
  public int length;


  private PacketPool pool;
  private PacketBatch current;
  private StageCall[] stages;

  @Setup(Level.Trial)
  public void setUp() {
    pool = new PacketPool("bench", 4 * 256);
    current = BenchPipelines.filled(pool, batch, new FlowGenerator(64, BenchPipelines.PACKET_SIZE, 0.5, -1, 1));
    stages = BenchPipelines.nullFilters(BenchPipelines.Mode.COPY, length, "copy");
  }

  @Benchmark
  public PacketBatch pipeline() throws StageFailedException {
    PacketBatch b = current;
    for (StageCall s : stages) {
      b = s.call(b);
    }
    current = b; // the batch moves into the state for the next invocation
    return current;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchPipelines.closeAndCheckNoLeak(current, pool, "benchmark");
  }
}
