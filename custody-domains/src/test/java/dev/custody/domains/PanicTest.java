package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import java.lang.reflect.Constructor;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * A {@link Panic} is contained and recovered like any failure, keeps its message and cause, and
 * records a stack trace only when {@code custody.backtrace} asks for one.
 */
class PanicTest {

  @Test
  void panicIsContainedAndTheDomainRecovers() throws Exception {
    Domain d = Domain.builder("panicky").failurePolicy(FailurePolicy.unlimited()).build();
    Calculator calc = new CalculatorProxy(d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new)));

    DomainFailedException e = catchThrowableOfType(DomainFailedException.class, () -> calc.fail("panic"));

    assertThat(e.getCause()).isExactlyInstanceOf(Panic.class).hasMessage("injected panic");
    assertThat(e.recovered()).isTrue();
    assertThat(e.getMessage())
        .startsWith("domain 'panicky' failed in Calculator.fail (called from 'host'): ")
        .contains("dev.custody.domains.Panic: injected panic");
    assertThat(calc.add(2, 3)).isEqualTo(5);
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
  }

  @Test
  void byDefaultAPanicRecordsNoStackTrace() {
    assumeThat(Panic.backtraces()).as("custody.backtrace / CUSTODY_BACKTRACE set for this JVM").isFalse();

    Panic p = new Panic("no trace", new IllegalStateException("root"));

    assertThat(p.getStackTrace()).isEmpty();
    assertThat(p).hasMessage("no trace").hasCauseInstanceOf(IllegalStateException.class);
    p.addSuppressed(new RuntimeException("also"));
    assertThat(p.getSuppressed()).hasSize(1);
  }

  @Test
  void thePropertyTurnsBacktracesOn() throws Exception {
    // Panic reads the setting once, when its class is initialised: load a fresh copy of it.
    URL classes = Panic.class.getProtectionDomain().getCodeSource().getLocation();
    String old = System.getProperty("custody.backtrace");
    System.setProperty("custody.backtrace", "true");
    try (URLClassLoader fresh = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> panic = fresh.loadClass(Panic.class.getName());
      assertThat(panic).isNotSameAs(Panic.class);
      Constructor<?> ctor = panic.getConstructor(String.class);
      Throwable p = (Throwable) ctor.newInstance("with trace");

      assertThat(p.getStackTrace()).anyMatch(f -> f.getMethodName().equals("thePropertyTurnsBacktracesOn"));
      assertThat((Boolean) panic.getMethod("backtraces").invoke(null)).isTrue();
    } finally {
      if (old == null) {
        System.clearProperty("custody.backtrace");
      } else {
        System.setProperty("custody.backtrace", old);
      }
    }
  }

  @Test
  void settingIsParsedLikeRustBacktrace() {
    assertThat(Panic.backtraceSetting(null, null)).isFalse();
    assertThat(Panic.backtraceSetting("true", null)).isTrue();
    assertThat(Panic.backtraceSetting(null, "1")).isTrue();
    assertThat(Panic.backtraceSetting(null, "full")).isTrue();
    assertThat(Panic.backtraceSetting(" ON ", null)).isTrue();
    assertThat(Panic.backtraceSetting(null, "0")).isFalse();
    assertThat(Panic.backtraceSetting("false", "1")).as("the property wins").isFalse();
    assertThat(Panic.backtraceSetting("maybe", null)).isFalse();
  }
}
