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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Question: what does it cost to cross a protection boundary with a batch of packets, and does it
 * depend on the batch size? (The paper's Figure 2.)
 *
 * <p>A pipeline of {@code length} null filters passes one batch of {@code batch} 64-byte packets
 * through every stage, as a plain call ({@code PLAIN}, the baseline), or into each stage's own
 * domain with the batch moved across ({@code PROTECTED}). Overhead per call is {@code (PROTECTED -
 * PLAIN) / length}. The copying baseline is {@link CopyPipelineBenchmark}. One fork per parameter
 * set keeps the call sites of each mode monomorphic, as they are in a real pipeline.
 *
 * <p>Sampled: each sample times {@value #REPS} traversals of the pipeline (a few microseconds,
 * far below a scheduler time slice), and the suite takes the median sample. On a shared machine a
 * sample is either undisturbed or visibly preempted, so the median is the undisturbed cost where
 * an average over long iterations would measure the machine's load.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NullPipelineBenchmark {
  /** Pipeline traversals per sample. */
  public static final int REPS = 64;

  @Param({"1", "2", "4", "8", "16", "32", "64", "128", "256"})
  public int batch;

  @Param({"5"})
  public int length;

  @Param({"PLAIN", "PROTECTED"})
  public String mode;

  private PacketPool pool;
  private PacketBatch current;
  private StageCall[] stages;

  @Setup(Level.Trial)
  public void setUp() {
    pool = new PacketPool("bench", 4 * 256);
    current = BenchPipelines.filled(pool, batch, new FlowGenerator(64, BenchPipelines.PACKET_SIZE, 0.5, -1, 1));
    stages = BenchPipelines.nullFilters(BenchPipelines.Mode.valueOf(mode), length, "bench");
  }

  @Benchmark
  @OperationsPerInvocation(REPS)
  public PacketBatch pipeline() throws StageFailedException {
    PacketBatch b = current;
    for (int r = 0; r < REPS; r++) {
      for (StageCall s : stages) {
        b = s.call(b);
      }
    }
    current = b; // the batch moves into the state for the next invocation
    return current;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchPipelines.closeAndCheckNoLeak(current, pool, "benchmark");
  }
}
