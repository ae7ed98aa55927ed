package dev.custody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OwnedTest {

  @Test
  void getBorrowsWithoutMoving() {
    Owned<String> h = Owned.of("abc");
    assertThat(h.get()).isEqualTo("abc");
    assertThat(h.get()).isEqualTo("abc");
    assertThat(h.isLive()).isTrue();
  }

  @Test
  void movedHandleThrowsOnEveryAccess() {
    Owned<StringBuilder> a = Owned.of(new StringBuilder("x"));
    Owned<StringBuilder> b = a.move();
    assertThat(b.get().toString()).isEqualTo("x");
    assertThat(a.isLive()).isFalse();
    assertThatThrownBy(a::get)
        .isInstanceOf(MovedValueException.class)
        .hasMessageContaining("Owned<StringBuilder>.get()")
        .hasMessageContaining("moved");
    assertThatThrownBy(a::move).isInstanceOf(MovedValueException.class);
    assertThatThrownBy(a::take).isInstanceOf(MovedValueException.class);
  }

  @Test
  void takeHandsOutTheValueAndKillsTheHandle() {
    StringBuilder sb = new StringBuilder();
    Owned<StringBuilder> h = Owned.of(sb);
    assertThat(h.take()).isSameAs(sb);
    assertThatThrownBy(h::get).isInstanceOf(MovedValueException.class);
    assertThat(h.toString()).contains("moved");
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> Owned.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void exactlyOneRacingMoverWins() throws Exception {
    for (int round = 0; round < 200; round++) {
      Owned<Object> h = Owned.of(new Object());
      int threads = 8;
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger wins = new AtomicInteger();
      AtomicInteger losses = new AtomicInteger();
      List<Thread> ts = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        boolean useTake = i % 2 == 0;
        ts.add(Thread.ofPlatform().start(() -> {
          try {
            start.await();
            if (useTake) {
              h.take();
            } else {
              h.move();
            }
            wins.incrementAndGet();
          } catch (MovedValueException e) {
            losses.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }));
      }
      start.countDown();
      for (Thread t : ts) {
        t.join();
      }
      assertThat(wins.get()).isEqualTo(1);
      assertThat(losses.get()).isEqualTo(threads - 1);
    }
  }

  @Test
  void sharedWrapsOneObject() {
    Object o = new Object();
    Shared<Object> s = Shared.of(o);
    assertThat(s.get()).isSameAs(o);
    assertThatThrownBy(() -> Shared.of(null)).isInstanceOf(NullPointerException.class);
  }
}
