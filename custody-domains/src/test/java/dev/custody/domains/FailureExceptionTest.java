package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The cheap failure path still reports everything: the lazily built message names the domain,
 * the method, the caller and the cause; the stack trace is left to the cause when the cause was
 * thrown on the calling thread, and kept when it was not (a deadline fired by the watchdog).
 */
class FailureExceptionTest {
  private static Calculator calculatorIn(Domain d) throws Exception {
    return new CalculatorProxy(d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new)));
  }

  @Test
  void panicGivesALazyMessageAndLeavesTheTraceToTheCause() throws Exception {
    Domain d = Domain.builder("lazy-msg").failurePolicy(FailurePolicy.unlimited()).build();
    Calculator calc = calculatorIn(d);

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));

    assertThat(e.getMessage())
        .startsWith("domain 'lazy-msg' failed in Calculator.fail (called from 'host'): ")
        .contains(e.getCause().toString())
        .endsWith("; domain recovered");
    assertThat(e.getMessage()).isSameAs(e.getMessage()); // built once
    assertThat(e.toString()).contains("domain recovered");
    assertThat(e.getStackTrace()).isEmpty();
    // The cause's trace runs from the throw through the proxy into this test: nothing is lost.
    assertThat(e.getCause().getStackTrace())
        .anyMatch(f -> f.getClassName().equals(CalculatorProxy.class.getName()))
        .anyMatch(f -> f.getMethodName().equals("panicGivesALazyMessageAndLeavesTheTraceToTheCause"));
  }

  @Test
  void deadLimitMessageIsBuiltFromWhatHeldAtTheFailure() throws Exception {
    Domain d = Domain.builder("lazy-dead").failurePolicy(1, Duration.ofMinutes(1)).build();
    Calculator calc = calculatorIn(d);

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));

    assertThat(e.isDead()).isTrue();
    assertThat(e.getMessage()).endsWith("; 1 failures within PT1M, domain is dead");
  }

  @Test
  void deadlineFailureKeepsItsOwnStackTrace() throws Exception {
    Domain d = Domain.create("lazy-deadline");
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new));
    Calculator timed = new CalculatorProxy(ref.withDeadline(Duration.ofMillis(20)));

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> timed.sleep(5_000));

    assertThat(e.getCause()).isInstanceOf(DeadlineExceededException.class);
    assertThat(e.getStackTrace()).isNotEmpty(); // the cause was made on the watchdog thread
  }

  @Test
  void lazyMessageSurvivesSerialization() throws Exception {
    Domain d = Domain.builder("lazy-ser").failurePolicy(FailurePolicy.unlimited()).build();
    Calculator calc = calculatorIn(d);
    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> calc.fail("runtime"));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(e);
    }
    Object back;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      back = in.readObject();
    }
    assertThat(((Throwable) back).getMessage()).isEqualTo(e.getMessage());
  }
}
