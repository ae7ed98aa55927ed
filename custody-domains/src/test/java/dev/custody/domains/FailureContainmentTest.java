package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Each failure kind reaches the caller as DomainFailedException; the host keeps running. */
class FailureContainmentTest {
  private final AtomicInteger recoveries = new AtomicInteger();

  private Domain recoveringDomain(String name) {
    return Domain.builder(name)
        .failurePolicy(FailurePolicy.unlimited())
        .recovery(ctx -> {
          recoveries.incrementAndGet();
          for (RRef<?> r : ctx.pendingRefs()) {
            @SuppressWarnings("unchecked")
            RRef<Calculator> c = (RRef<Calculator>) r;
            ctx.rebind(c, new TestCalculator());
          }
        })
        .build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"runtime", "error", "overflow"})
  void throwableEscapingTheCalleeIsContained(String kind) throws Exception {
    Domain d = recoveringDomain("fail-" + kind);
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    Calculator calc = new CalculatorProxy(ref);
    calc.add(1, 1);

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> calc.fail(kind));

    Class<? extends Throwable> expected =
        switch (kind) {
          case "runtime" -> IllegalStateException.class;
          case "error" -> AssertionError.class;
          default -> StackOverflowError.class;
        };
    assertThat(e).isNotNull();
    assertThat(e.getCause()).isInstanceOf(expected);
    assertThat(e.domain()).isSameAs(d);
    assertThat(e.method().name()).isEqualTo("fail");
    assertThat(e.recovered()).isTrue();
    assertHostRunning();
    // The same RRef works again, on a fresh object: the call counter restarted.
    assertThat(calc.calls()).isZero();
    assertThat(calc.add(2, 2)).isEqualTo(4);
    assertThat(calc.calls()).isEqualTo(1);
    assertThat(recoveries).hasValue(1);
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
  }

  @Test
  void guardThatThrowsIsAFailureOfTheCallee() throws Exception {
    Domain d = recoveringDomain("guard-throws");
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    Calculator calc = new CalculatorProxy(ref);
    Guard bad = (caller, m) -> {
      throw new IllegalStateException("guard bug");
    };
    d.addGuard(bad);

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> calc.add(1, 2));

    assertThat(e.getCause()).hasMessage("guard bug");
    assertThat(recoveries).hasValue(1);
    assertHostRunning();
    d.removeGuard(bad);
    assertThat(calc.add(1, 2)).isEqualTo(3);
  }

  @Test
  void recoveryThatThrowsMakesTheDomainDead() throws Exception {
    Domain d = Domain.builder("bad-recovery")
        .recovery(ctx -> {
          throw new IllegalStateException("recovery bug");
        })
        .build();
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    Calculator calc = new CalculatorProxy(ref);

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));

    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("injected runtime failure");
    assertThat(e.getSuppressed()).anySatisfy(s -> assertThat(s).hasMessage("recovery bug"));
    assertThat(e.isDead()).isTrue();
    assertThat(d.state()).isEqualTo(Domain.State.DEAD);
    assertHostRunning();
    DomainFailedException fast = catchThrowableOfType(DomainFailedException.class, () -> calc.add(1, 1));
    assertThat(fast.isFailFast()).isTrue();
    assertThat(fast.isDead()).isTrue();
    assertThat(fast).hasMessageContaining("is dead");
    catchThrowableOfType(DomainFailedException.class, () -> d.execute(() -> 1));
  }

  @Test
  void withoutRecoveryFunctionReferencesAreRevokedAndTheDomainRunsEmpty() throws Exception {
    Domain d = Domain.create("plain");
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    Calculator calc = new CalculatorProxy(ref);
    catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
    assertThat(catchThrowableOfType(RevokedException.class, () -> calc.add(1, 1))).isNotNull();
    assertThat(d.tableOccupancy()).isZero();
    RRef<Calculator> again = d.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    assertThat(again.slotIndex()).isEqualTo(ref.slotIndex());
    assertThat(new CalculatorProxy(again).add(1, 1)).isEqualTo(2);
  }

  @Test
  void recoverableFactoryRebuildsTheSlot() throws Exception {
    AtomicInteger built = new AtomicInteger();
    Domain d = Domain.builder("factory").build();
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>recoverable(() -> {
      built.incrementAndGet();
      return new TestCalculator();
    }));
    Calculator calc = new CalculatorProxy(ref);
    catchThrowableOfType(DomainFailedException.class, () -> calc.fail("error"));
    assertThat(built).hasValue(2);
    assertThat(calc.add(3, 4)).isEqualTo(7);
  }

  private static void assertHostRunning() throws Exception {
    assertThat(Domain.current()).isSameAs(Domain.host());
    assertThat(Domain.host().state()).isEqualTo(Domain.State.RUNNING);
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    // The host can still create and use domains.
    Domain probe = Domain.create("probe");
    assertThat(probe.execute(() -> 40 + 2)).isEqualTo(42);
  }
}
