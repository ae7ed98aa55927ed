package dev.custody.bench.isolation;

import dev.custody.Borrowed;
import dev.custody.domains.Panic;
import dev.custody.netfn.io.FlowGenerator;
import dev.custody.netfn.nf.NullFilter;
import dev.custody.netfn.packet.PacketBatch;
import dev.custody.netfn.packet.PacketPool;
import dev.custody.netfn.pipeline.DomainStageCall;
import dev.custody.netfn.pipeline.DomainStages;
import dev.custody.netfn.pipeline.NetFunction;
import dev.custody.netfn.pipeline.PlainStageCall;
import dev.custody.netfn.pipeline.StageCall;
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
 * <p>A null filter in its own domain panics when it meets a poison packet. One operation is: the
 * call carrying the poison panics, the panic is caught at the domain entry, the domain's table is
 * cleared and its resources released, the stage is rebuilt by its recovery factory, the caller
 * gets its error and the poisoned batch's buffers go back to the pool; then the next call with a
 * good batch succeeds. The poisoned batch is prepared outside the measured time. Sampled; the
 * suite reports the median.
 *
 * <p>Two kinds of panic, each with a baseline in the same run:
 *
 * <ul>
 *   <li>{@link #panicRecoverCall}: the filter throws a {@link Panic}, Custody's counterpart of
 *       Rust's {@code panic!} (a message, unwinding, no backtrace unless asked for): the paper's
 *       setting. {@link #panicWithoutDomain} throws and catches the same panic around the same
 *       filter called as a plain function, then makes the next call.
 *   <li>{@link #javaExceptionRecoverCall}: the filter throws an ordinary Java exception, which
 *       records the thread's whole stack when it is created (JMH's harness alone is a dozen
 *       frames), a cost paid before the domain sees anything. {@link #javaExceptionWithoutDomain}
 *       is its baseline without a domain.
 * </ul>
 *
 * <p>The difference between each pair is what the domain adds: containment, clean-up, recovery.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecoveryBenchmark {
  static final byte POISON = (byte) 0xEE;

  private static boolean poisoned(@Borrowed PacketBatch batch) {
    return batch.size() > 0 && batch.segment(0).get(ValueLayout.JAVA_BYTE, 0) == POISON;
  }

  /** A null filter that panics with a {@link Panic} on a packet whose first byte is the poison mark. */
  public static final class PanickingNullFilter implements NetFunction {
    private final NullFilter inner = new NullFilter();

    @Override
    public void process(@Borrowed PacketBatch batch) {
      if (poisoned(batch)) {
        throw new Panic("null filter panicked on a poison packet");
      }
      inner.process(batch);
    }
  }

  /** The same null filter, failing with an ordinary Java exception (stack trace recorded). */
  public static final class ThrowingNullFilter implements NetFunction {
    private final NullFilter inner = new NullFilter();

    @Override
    public void process(@Borrowed PacketBatch batch) {
      if (poisoned(batch)) {
        throw new IllegalStateException("null filter failed on a poison packet");
      }
      inner.process(batch);
    }
  }

  private PacketPool pool;
  private PacketBatch good;
  private PacketBatch poisoned;
  private DomainStageCall panicking;
  private DomainStageCall throwing;
  private StageCall panickingPlain;
  private StageCall throwingPlain;
  private FlowGenerator gen;

  @Setup(Level.Trial)
  public void setUp() {
    if (Panic.backtraces()) {
      throw new IllegalStateException("custody.backtrace is on: Panic would record stack traces");
    }
    pool = new PacketPool("recovery", 64);
    gen = new FlowGenerator(4, BenchPipelines.PACKET_SIZE, 0.5, -1, 3);
    good = BenchPipelines.filled(pool, 1, gen);
    panicking = DomainStages.inOwnDomain("recovery-null-panic", PanickingNullFilter::new);
    throwing = DomainStages.inOwnDomain("recovery-null-exception", ThrowingNullFilter::new);
    panickingPlain = new PlainStageCall(new PanickingNullFilter());
    throwingPlain = new PlainStageCall(new ThrowingNullFilter());
  }

  @Setup(Level.Invocation)
  public void poison() {
    poisoned = BenchPipelines.filled(pool, 1, gen);
    poisoned.segment(0).set(ValueLayout.JAVA_BYTE, 0, POISON);
  }

  private PacketBatch failThenCall(StageCall stage) throws StageFailedException {
    try {
      stage.call(poisoned);
      throw new AssertionError("the poison packet did not make the stage fail");
    } catch (StageFailedException expected) {
      // contained; in a domain, the domain has recovered before the error reached us
    }
    good = stage.call(good);
    return good;
  }

  @Benchmark
  public PacketBatch panicRecoverCall() throws StageFailedException {
    return failThenCall(panicking);
  }

  @Benchmark
  public PacketBatch panicWithoutDomain() throws StageFailedException {
    return failThenCall(panickingPlain);
  }

  @Benchmark
  public PacketBatch javaExceptionRecoverCall() throws StageFailedException {
    return failThenCall(throwing);
  }

  @Benchmark
  public PacketBatch javaExceptionWithoutDomain() throws StageFailedException {
    return failThenCall(throwingPlain);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    BenchPipelines.closeAndCheckNoLeak(good, pool, "recovery");
  }
}
