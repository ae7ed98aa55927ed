package dev.custody.bench.domains;

import dev.custody.Owned;
import dev.custody.domains.CrossDomainException;
import dev.custody.domains.Domain;
import dev.custody.domains.DomainFailedException;
import dev.custody.domains.DomainInterface;
import dev.custody.domains.FailurePolicy;
import dev.custody.domains.RRef;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Question: what does a call through an {@link RRef} proxy cost over a plain interface call to
 * the same object (the paper measured 90 cycles for its Rust remote invocation; Custody's target
 * is at most 30)?
 *
 * <p>Same run, same target object, same argument: {@code plainCall} calls the object through its
 * interface; {@code proxyCall} calls it through the generated {@code RRefCallBenchmark_StageProxy} over an
 * {@code RRef} into another domain (slot lookup, guard check, current-domain switch and restore,
 * fault containment). The {@code Owned} variants pass an {@code Owned} argument that the proxy
 * moves across the boundary and the callee returns: {@code plainOwnedCall} without any move,
 * {@code plainOwnedMovedCall} with the same single {@code Owned.move()} the proxy does (so
 * {@code proxyOwnedCall − plainOwnedMovedCall} is the proxy's own overhead and {@code
 * plainOwnedMovedCall − plainOwnedCall} the cost of the move in custody-core). Overhead in cycles = (proxy ns −
 * plain ns) × nominal CPU frequency (read from /proc/cpuinfo "cpu MHz").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RRefCallBenchmark {

  /** The interface called in both variants. */
  @DomainInterface
  public interface Stage {
    int process(int value) throws CrossDomainException;

    Owned<Payload> pass(Owned<Payload> payload) throws CrossDomainException;

    void crash() throws CrossDomainException;
  }

  /** A small moved value. */
  public static final class Payload {
    int hits;
  }

  /** The callee: trivial work so the call itself dominates. */
  public static final class Adder implements Stage {
    private int total;

    @Override
    public int process(int value) {
      total += value;
      return total;
    }

    @Override
    public Owned<Payload> pass(Owned<Payload> payload) {
      payload.get().hits++;
      return payload;
    }

    @Override
    public void crash() {
      throw new IllegalStateException("injected");
    }
  }

  private Stage plain;
  private Stage proxy;
  private Stage crashing;
  private Payload payload;
  private int value;

  @Setup
  public void setUp() throws DomainFailedException {
    Domain domain = Domain.builder("bench-callee").failurePolicy(FailurePolicy.unlimited()).build();
    Adder plainTarget = new Adder();
    plain = plainTarget;
    RRef<Stage> ref = domain.execute(() -> RRef.<Stage>of(new Adder()));
    proxy = new RRefCallBenchmark_StageProxy(ref);
    Domain crashDomain = Domain.builder("bench-crash").failurePolicy(FailurePolicy.unlimited()).build();
    crashing = new RRefCallBenchmark_StageProxy(crashDomain.execute(() -> RRef.<Stage>recoverable(Adder::new)));
    payload = new Payload();
    value = 7;
  }

  @Benchmark
  public int plainCall() throws CrossDomainException {
    return plain.process(value);
  }

  @Benchmark
  public int proxyCall() throws CrossDomainException {
    return proxy.process(value);
  }


  /**
   * A second question, the paper's recovery cost (4389 cycles in Rust): one failing call, i.e.
   * unwinding to the domain entry, clearing the table, running recovery (a factory rebuilding the
   * slot's object) and building the caller's exception.
   */
  @Benchmark
  public Object failAndRecover() {
    try {
      crashing.crash();
      throw new AssertionError("crash() returned");
    } catch (CrossDomainException e) {
      return e;
    }
  }

  @Benchmark
  public Payload plainOwnedCall() throws CrossDomainException {
    return plain.pass(Owned.of(payload)).take();
  }

  /** The plain call plus the one {@code Owned.move()} that the proxy performs: isolates the move. */
  @Benchmark
  public Payload plainOwnedMovedCall() throws CrossDomainException {
    return plain.pass(Owned.of(payload).move()).take();
  }

  @Benchmark
  public Payload proxyOwnedCall() throws CrossDomainException {
    return proxy.pass(Owned.of(payload)).take();
  }
}
