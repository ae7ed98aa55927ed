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
  void proxyCachedContextOfAnotherThreadIsNeverUsed() throws Exception {
    Domain d = Domain.create("cached");
    Calculator calc = new CalculatorProxy(d.execute(() -> RRef.<Calculator>of(new TestCalculator())));
    // This thread fills the proxy's context cache...
    assertThat(calc.whereAmI()).isEqualTo("cached");
    // ...then other threads, each inside its own domain, call through the same proxy many times.
    for (int i = 0; i < 3; i++) {
      Domain mine = Domain.create("caller" + i);
      String[] seen = new String[2];
      Thread t = Thread.ofVirtual().start(() -> {
        try {
          mine.execute(() -> {
            for (int k = 0; k < 200; k++) { // crosses the 64-miss threshold: the cache moves here
              seen[0] = calc.whereAmI();
            }
            seen[1] = Domain.current().name();
          });
        } catch (DomainFailedException e) {
          throw new AssertionError(e);
        }
      });
      t.join();
      assertThat(seen).containsExactly("cached", "caller" + i);
      assertThat(Domain.current()).isSameAs(Domain.host());
      assertThat(calc.whereAmI()).isEqualTo("cached");
      assertThat(Domain.current()).isSameAs(Domain.host());
    }
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
