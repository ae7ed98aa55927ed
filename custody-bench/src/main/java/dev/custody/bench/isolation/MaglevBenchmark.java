package dev.custody.bench.isolation;

import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.nf.MaglevNf;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pipeline.NfStage;
import java.util.ArrayList;
import java.util.List;
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
 * Question: what does a realistic light network function, Maglev, cost per batch? The yardstick
 * the paper sets the protected-call overhead against.
 *
 * <p>Maglev (16 backends, table 65537, connection tracking) processes batches of 64-byte packets
 * from 4,096 flows; the benchmark cycles over 16 distinct pre-built batches so that lookups see
 * many flows, not one hot cache line. Each packet is parsed, looked up and its destination MAC
 * rewritten, plainly called. Each sample processes all 16 batches once; the score is per batch,
 * and the suite takes the median sample (see {@link NullPipelineBenchmark} for why).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MaglevBenchmark {
  static final int BATCHES = 16;

  @Param({"1", "2", "4", "8", "16", "32", "64", "128", "256"})
  public int batch;

  private PacketPool pool;
  private PacketBatch[] batches;
  private NfStage maglev;

  @Setup(Level.Trial)
  public void setUp() {
    pool = new PacketPool("maglev", BATCHES * batch);
    FlowGenerator gen = new FlowGenerator(4096, BenchPipelines.PACKET_SIZE, 0.5, -1, 7);
    batches = new PacketBatch[BATCHES];
    for (int i = 0; i < BATCHES; i++) {
      batches[i] = BenchPipelines.filled(pool, batch, gen);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      names.add("backend-" + i);
    }
    maglev = new NfStage(new MaglevNf(names));
  }

  @Benchmark
  @OperationsPerInvocation(BATCHES)
  public PacketBatch maglev() {
    PacketBatch last = null;
    for (PacketBatch b : batches) {
      last = maglev.process(b);
    }
    return last;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    for (PacketBatch b : batches) {
      b.close();
    }
    pool.close();
  }
}
