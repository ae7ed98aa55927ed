package dev.custody.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.custody.domains.fixtures.Calculator;
import dev.custody.domains.fixtures.CalculatorProxy;
import dev.custody.domains.fixtures.TestCalculator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void manyCallersPlatformAndVirtualSeeTheirOwnCurrentDomain() {
    // The timeout only guards against a deadlock hanging the build; it asserts no speed.
    assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
      Domain d = Domain.builder("shared").failurePolicy(FailurePolicy.unlimited()).build();
      Calculator calc = new CalculatorProxy(d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new)));
      ConcurrentLinkedQueue<Throwable> problems = new ConcurrentLinkedQueue<>();
      AtomicLong ok = new AtomicLong();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Thread.Builder tb = i % 4 == 0 ? Thread.ofPlatform() : Thread.ofVirtual();
        Domain callerDomain = Domain.create("caller-" + i);
        threads.add(tb.start(() -> {
          try {
            for (int k = 0; k < 500; k++) {
              String where = callerDomain.execute(() -> {
                String inside = calc.whereAmI();
                if (Domain.current() != callerDomain) {
                  throw new AssertionError("caller domain not restored");
                }
                return inside;
              });
              if (!where.equals("shared")) {
                throw new AssertionError("callee saw " + where);
              }
              if (Domain.current() != Domain.host()) {
                throw new AssertionError("host not restored");
              }
              ok.incrementAndGet();
            }
          } catch (Throwable t) {
            problems.add(t);
          }
        }));
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(problems).isEmpty();
      assertThat(ok).hasValue(40 * 500);
    });
  }

  @Test
  void concurrentFailuresAreHandledOnceEachAndCallersGetOnlyDomainFailed() {
    assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
      AtomicInteger recoveries = new AtomicInteger();
      Domain d = Domain.builder("contended")
          .failurePolicy(FailurePolicy.unlimited())
          .recovery(ctx -> recoveries.incrementAndGet())
          .build();
      Calculator calc = new CalculatorProxy(d.execute(() -> RRef.<Calculator>recoverable(TestCalculator::new)));
      ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
      AtomicInteger succeeded = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        boolean failer = i % 4 == 0;
        threads.add(Thread.ofVirtual().start(() -> {
          // Under a heavy load the failers can keep the domain failed for all of a caller's 300
          // calls; a caller that has not yet succeeded goes on (bounded) until the failers are done.
          int mine = 0;
          for (int k = 0; k < 300 || (!failer && mine == 0 && k < 1_000_000); k++) {
            try {
              if (failer) {
                calc.fail("runtime");
              } else {
                calc.add(k, 1);
                succeeded.incrementAndGet();
                mine++;
              }
            } catch (DomainFailedException e) {
              failed.incrementAndGet();
            } catch (Throwable t) {
              unexpected.add(t);
            }
          }
        }));
      }
      for (Thread t : threads) {
        t.join();
      }
      assertThat(unexpected).isEmpty();
      assertThat(d.state()).isEqualTo(Domain.State.RUNNING);
      assertThat(recoveries.get()).isEqualTo((int) d.failureCount()).isPositive();
      assertThat(succeeded.get()).isPositive();
      assertThat(calc.add(1, 1)).isEqualTo(2);
      assertThat(d.tableOccupancy()).isEqualTo(1);
    });
  }
}
