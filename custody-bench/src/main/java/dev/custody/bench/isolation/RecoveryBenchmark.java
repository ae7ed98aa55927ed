package dev.custody.bench.isolation;

import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.nf.NullFilter;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pipeline.DomainStageCall;
import dev.custody.netfn.pipeline.DomainStages;
import dev.custody.netfn.pipeline.NetFunction;
import dev.custody.netfn.pipeline.StageFailedException;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Question: what does recovering from a fault in a protected stage cost? (The paper: 4389
 * cycles.)
 *
 * <p>A null filter in its own domain panics (throws) when it meets a poison packet. One operation
 * is: the call carrying the poison panics, the panic is caught at the domain entry, the domain's
 * table is cleared and its resources released, the stage is rebuilt by its recovery factory, the
 * caller gets its error and the poisoned batch's buffers go back to the pool; then the next call
 * with a good batch succeeds. The poisoned batch is prepared outside the measured time. Sampled;
 * the suite reports the median.
 *
 * <p>Two kinds of panic are measured. {@link #panicRecoverCall} throws an ordinary Java exception,
 * which captures a stack trace (about 1 µs at this depth, most of the total). {@link
 * #rustLikePanicRecoverCall} panics as Rust does by default (the paper's setting): it carries a
 * message and unwinds, but captures no backtrace, as Rust does unless {@code RUST_BACKTRACE} is
 * set. Everything the domain does — containment, clean-up, recovery, the next call — is the same
 * in both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecoveryBenchmark {
  static final byte POISON = (byte) 0xEE;

  /** A null filter that panics on a packet whose first byte is the poison mark. */
  public static final class PanickingNullFilter implements NetFunction {
    private final NullFilter inner = new NullFilter();

    @Override
    public void process(PacketBatch batch) {
      if (batch.size() > 0 && batch.segment(0).get(ValueLayout.JAVA_BYTE, 0) == POISON) {
        throw new IllegalStateException("null filter panicked on a poison packet");
      }
      inner.process(batch);
    }
  }

  /** A panic as Rust makes one by default: a message, unwinding, no backtrace captured. */
  public static final class Panic extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Panic(String message) {
      super(message, null, false, false);
    }
  }

  /** The same null filter, panicking the Rust way. */
  public static final class RustLikePanickingNullFilter implements NetFunction {
    private final NullFilter inner = new NullFilter();

    @Override
    public void process(PacketBatch batch) {
      if (batch.size() > 0 && batch.segment(0).get(ValueLayout.JAVA_BYTE, 0) == POISON) {
        throw new Panic("null filter panicked on a poison packet");
      }
      inner.process(batch);
    }
  }

  private PacketPool pool;
  private PacketBatch good;
  private PacketBatch poisoned;
  private DomainStageCall stage;
  private DomainStageCall rustStage;
  private FlowGenerator gen;

  @Setup(Level.Trial)
  public void setUp() {
    pool = new PacketPool("recovery", 64);
    gen = new FlowGenerator(4, BenchPipelines.PACKET_SIZE, 0.5, -1, 3);
    good = BenchPipelines.filled(pool, 1, gen);
    stage = DomainStages.inOwnDomain("recovery-null", PanickingNullFilter::new);
    rustStage = DomainStages.inOwnDomain("recovery-null-rust-panic", RustLikePanickingNullFilter::new);
  }

  @Setup(Level.Invocation)
  public void poison() {
    poisoned = BenchPipelines.filled(pool, 1, gen);
    poisoned.segment(0).set(ValueLayout.JAVA_BYTE, 0, POISON);
  }

  @Benchmark
  public PacketBatch panicRecoverCall() throws StageFailedException {
    try {
      stage.call(poisoned);
      throw new AssertionError("the poison packet did not make the stage panic");
    } catch (StageFailedException expected) {
      // contained; the domain has recovered before the error reached us
    }
    good = stage.call(good);
    return good;
  }

  @Benchmark
  public PacketBatch rustLikePanicRecoverCall() throws StageFailedException {
    try {
      rustStage.call(poisoned);
      throw new AssertionError("the poison packet did not make the stage panic");
    } catch (StageFailedException expected) {
      // contained; the domain has recovered before the error reached us
    }
    good = rustStage.call(good);
    return good;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchPipelines.closeAndCheckNoLeak(good, pool, "recovery");
  }
}
