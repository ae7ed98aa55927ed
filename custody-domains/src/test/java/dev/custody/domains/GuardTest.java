package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class GuardTest {
  @Test
  void guardSeesCallerAndMethodAndMayRefuse() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    Domain trusted = Domain.create("trusted");
    Domain server = Domain.builder("server")
        .guard((caller, m) -> {
          seen.add(caller.name() + "->" + m);
          return caller == trusted || !m.name().equals("add");
        })
        .build();
    RRef<Calculator> ref = server.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    Calculator calc = new CalculatorProxy(ref);

    CallRefusedException refused = catchThrowableOfType(CallRefusedException.class, () -> calc.add(1, 2));
    assertThat(refused).hasMessageContaining("refused Calculator.add from domain 'host'");
    assertThat(refused.caller()).isSameAs(Domain.host());
    assertThat(calc.calls()).isZero(); // the refused call never ran; calls() itself is allowed

    int viaTrusted = trusted.execute(() -> calc.add(1, 2));
    assertThat(viaTrusted).isEqualTo(3);
    assertThat(seen).containsExactly("host->Calculator.add", "host->Calculator.calls", "trusted->Calculator.add");
    assertThat(server.state()).isEqualTo(Domain.State.RUNNING);
    assertThat(server.failureCount()).isZero();
  }

  @Test
  void guardsAddedLaterApplyAndCanBeRemoved() throws Exception {
    Domain d = Domain.create("late-guard");
    Calculator calc = new CalculatorProxy(d.execute(() -> RRef.<Calculator>of(new TestCalculator())));
    assertThat(calc.add(1, 1)).isEqualTo(2);
    Guard no = (c, m) -> false;
    d.addGuard(no);
    assertThat(catchThrowableOfType(CallRefusedException.class, () -> calc.add(1, 1))).isNotNull();
    assertThat(d.removeGuard(no)).isTrue();
    assertThat(calc.add(1, 1)).isEqualTo(2);
  }
}
