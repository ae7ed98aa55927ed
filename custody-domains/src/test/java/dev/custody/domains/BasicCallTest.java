package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import org.junit.jupiter.api.Test;

class BasicCallTest {
  @Test
  void callsRunInsideTheDomainAndRestoreTheCaller() throws Exception {
    Domain d = Domain.create("calc");
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    Calculator calc = new CalculatorProxy(ref);

    assertThat(calc.add(2, 3)).isEqualTo(5);
    assertThat(calc.whereAmI()).isEqualTo("calc");
    assertThat(Domain.current()).isSameAs(Domain.host());
    assertThat(ref.domain()).isSameAs(d);
    assertThat(d.tableOccupancy()).isEqualTo(1);
  }

  @Test
  void executeRunsInsideAndContainsFailures() throws Exception {
    Domain d = Domain.create("exec");
    assertThat(d.execute(() -> Domain.current().name())).isEqualTo("exec");
    assertThatThrownBy(() -> d.execute(() -> {
          throw new IllegalStateException("boom");
        }))
        .isInstanceOf(DomainFailedException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(Domain.current()).isSameAs(Domain.host());
    assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
  }

  @Test
  void revokedReferenceFailsFast() throws Exception {
    Domain d = Domain.create("rev");
    RRef<Calculator> ref = d.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    RRef<Calculator> other = d.execute(() -> RRef.<Calculator>of(new TestCalculator()));
    Calculator calc = CalculatorProxy.of(ref);
    ref.revoke();
    assertThatThrownBy(() -> calc.add(1, 1)).isInstanceOf(RevokedException.class).hasMessageContaining("revoked");
    assertThat(CalculatorProxy.of(other).add(1, 1)).isEqualTo(2);
    d.revokeAll();
    assertThatThrownBy(() -> CalculatorProxy.of(other).add(1, 1)).isInstanceOf(RevokedException.class);
    assertThat(d.tableOccupancy()).isZero();
  }
}
