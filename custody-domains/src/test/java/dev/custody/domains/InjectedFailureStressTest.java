package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.custody.Owned;
import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import dev.custody.domains.fixtures.TestVault;
import dev.custody.domains.fixtures.Token;
import dev.custody.domains.fixtures.TokenPool;
import dev.custody.domains.fixtures.Vault;
import dev.custody.domains.fixtures.VaultProxy;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 10,000 injected failures under two concurrent callers leave the buffer pool and the reference
 * tables exactly at their starting occupancy.
 */
class InjectedFailureStressTest {
  private static final int FAILURES = 10_000;

  @Test
  void tenThousandFailuresLeakNothing() {
    assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
      TokenPool pool = new TokenPool();
      AtomicInteger injected = new AtomicInteger();
      Domain d = Domain.builder("stressed")
          .failurePolicy(FailurePolicy.unlimited())
          .recovery(ctx -> {
            // Each incarnation owns one pooled token of its own, released on its failure.
            ctx.domain().own(pool.acquire());
            for (RRef<?> r : ctx.pendingRefs()) {
              if (r.equals(vaultRefHolder[0])) {
                ctx.rebind(vaultRefHolder[0], new TestVault(injected));
              }
            }
          })
          .build();
      RRef<Vault> vaultRef = d.execute(() -> {
        Domain.current().own(pool.acquire());
        return RRef.<Vault>of(new TestVault(injected));
      });
      vaultRefHolder[0] = vaultRef;
      RRef<Calculator> calcRef = d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new));
      RRef<Calculator> extra = d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new));
      Vault vault = new VaultProxy(vaultRef);

      long poolAtStart = pool.outstanding();
      int occupancyAtStart = d.tableOccupancy();
      int slotsAtStart = d.slotCount();
      assertThat(poolAtStart).isEqualTo(1);
      assertThat(occupancyAtStart).isEqualTo(3);

      ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
      Runnable caller = () -> {
        int k = 0;
        while (injected.get() < FAILURES) {
          boolean fail = k++ % 3 != 2;
          Owned<Token> mine = Owned.of(pool.acquire());
          try {
            if (fail && k % 2 == 0) {
              vault.failHolding(mine);
            } else {
              Owned<Token> back = vault.process(mine, fail);
              back.take().close();
            }
          } catch (DomainFailedException e) {
            if (mine.isLive()) {
              mine.take().close(); // failed fast: the call never took it
            }
          } catch (Throwable t) {
            unexpected.add(t);
          }
        }
      };
      Thread t1 = Thread.ofPlatform().start(caller);
      Thread t2 = Thread.ofVirtual().start(caller);
      t1.join();
      t2.join();

      assertThat(unexpected).isEmpty();
      assertThat(injected.get()).isGreaterThanOrEqualTo(FAILURES);
      assertThat(d.failureCount()).isGreaterThan(0);
      assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
      assertThat(pool.outstanding()).isEqualTo(poolAtStart);
      assertThat(d.tableOccupancy()).isEqualTo(occupancyAtStart);
      assertThat(d.slotCount()).isEqualTo(slotsAtStart);
      assertThat(new CalculatorProxy(calcRef).add(1, 1)).isEqualTo(2);
      assertThat(new CalculatorProxy(extra).add(2, 2)).isEqualTo(4);
    });
  }

  @SuppressWarnings("unchecked")
  private final RRef<Vault>[] vaultRefHolder = new RRef[1];
}
