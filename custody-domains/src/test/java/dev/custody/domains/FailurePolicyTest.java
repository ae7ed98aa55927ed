package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {
  @Test
  void tooManyFailuresWithinTheWindowMakeTheDomainDead() throws Exception {
    Domain d = Domain.builder("flaky")
        .failurePolicy(3, Duration.ofHours(1))
        .build();
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new));
    Calculator calc = new CalculatorProxy(ref);

    for (int i = 0; i < 2; i++) {
      DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));
      assertThat(e.recovered()).isTrue();
      assertThat(calc.add(1, 1)).isEqualTo(2);
    }
    DomainFailedException third = catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));

    assertThat(third.isDead()).isTrue();
    assertThat(third).hasMessageContaining("3 failures within PT1H").hasMessageContaining("dead");
    assertThat(d.state()).isEqualTo(Domain.State.DEAD);
    assertThat(d.failureCount()).isEqualTo(3);
    DomainFailedException fast = catchThrowableOfType(DomainFailedException.class, () -> calc.add(1, 1));
    assertThat(fast.isFailFast()).isTrue();
    assertThat(d.tableOccupancy()).isZero();
    assertThatThrownBy(() -> d.execute(() -> RRef.of("x"))).isInstanceOf(DomainFailedException.class);
  }

  @Test
  void failuresOutsideTheWindowDoNotAccumulate() throws Exception {
    Domain d = Domain.builder("slow-flaky").failurePolicy(2, Duration.ofNanos(1)).build();
    Calculator calc = new CalculatorProxy(d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new)));
    for (int i = 0; i < 5; i++) {
      Thread.sleep(1); // each failure falls outside the 1 ns window of the previous one
      assertThat(catchThrowableOfType(DomainFailedException.class, () -> calc.fail("error")).recovered()).isTrue();
    }
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
  }

  @Test
  void policyRejectsNonsense() {
    assertThatThrownBy(() -> new FailurePolicy(0, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFailures");
    assertThatThrownBy(() -> new FailurePolicy(1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
  }
}
