package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DeadlineTest {
  @Test
  void callPastItsDeadlineFailsTheDomainInterruptsAndRecovers() throws Exception {
    Domain d = Domain.create("slow");
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new));
    Calculator timed = new CalculatorProxy(ref.withDeadline(Duration.ofMillis(50)));

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> timed.sleep(60_000));

    assertThat(e.getCause()).isInstanceOf(DeadlineExceededException.class)
        .hasMessageContaining("Calculator.sleep").hasMessageContaining("50 ms");
    // The callee saw the interrupt (its InterruptedException is kept as suppressed).
    assertThat(e.getCause().getSuppressed()).anySatisfy(s -> assertThat(s).hasMessageContaining("interrupted"));
    assertThat(e.recovered()).isTrue();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    assertThat(timed.add(1, 2)).isEqualTo(3); // a call within its deadline succeeds
    assertThat(new CalculatorProxy(ref).add(1, 2)).isEqualTo(3);
  }

  @Test
  void otherCallersFailFastWhileTheRunawayCallIsStuck() throws Exception {
    Domain d = Domain.builder("runaway").deadline(Duration.ofMillis(30)).build();
    AtomicBoolean release = new AtomicBoolean();
    CountDownLatch expired = new CountDownLatch(1);
    Calculator calc = new CalculatorProxy(d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new)));
    RRef<Runnable> spin = d.execute(() -> RRef.<Runnable>of(() -> {}));
    AtomicReference<Throwable> runawayResult = new AtomicReference<>();
    Thread runaway = Thread.ofVirtual().start(() -> {
      try {
        d.execute(() -> {
          // Ignores interrupts: Java cannot stop this code; it runs until it returns.
          while (!release.get()) {
            if (d.state() == Domain.State.FAILED) {
              expired.countDown();
            }
            Thread.onSpinWait();
          }
        });
      } catch (Throwable t) {
        runawayResult.set(t);
      }
    });
    expired.await();

    DomainFailedException fast = catchThrowableOfType(DomainFailedException.class, () -> calc.add(1, 1));
    assertThat(fast.isFailFast()).isTrue();
    assertThat(fast).hasMessageContaining("has failed");

    release.set(true);
    runaway.join();
    assertThat(runawayResult.get()).isInstanceOf(DomainFailedException.class)
        .hasCauseInstanceOf(DeadlineExceededException.class);
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
    assertThat(calc.add(1, 1)).isEqualTo(2);
    assertThat(spin.isRevoked()).isTrue(); // no factory, no rebind: revoked by recovery
  }

  @Test
  void executeWithDeadline() throws Exception {
    Domain d = Domain.create("exec-deadline");
    DomainFailedException e = catchThrowableOfType(DomainFailedException.class,
        () -> d.execute(Duration.ofMillis(20), () -> {
          Thread.sleep(60_000);
          return 1;
        }));
    assertThat(e.getCause()).isInstanceOf(DeadlineExceededException.class);
    assertThat(d.execute(Duration.ofSeconds(30), () -> 5)).isEqualTo(5);
  }
}
