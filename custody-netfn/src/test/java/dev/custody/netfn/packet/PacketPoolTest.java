package dev.custody.netfn.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PacketPoolTest {
  @Test
  void allocatesDistinctBuffersUntilEmptyAndCountsOccupancy() {
    try (PacketPool pool = new PacketPool("t", 8, 128)) {
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < 8; i++) {
        int b = pool.allocate();
        assertThat(b).isBetween(0, 7);
        assertThat(seen.add(b)).isTrue();
        assertThat(pool.segment(b).byteSize()).isEqualTo(128);
      }
      assertThat(pool.inUse()).isEqualTo(8);
      assertThat(pool.allocate()).isEqualTo(-1);
      assertThatThrownBy(pool::allocateOrThrow).isInstanceOf(PoolExhaustedException.class)
          .hasMessageContaining("'t' exhausted");
      for (int b : seen) {
        pool.free(b);
      }
      assertThat(pool.inUse()).isZero();
      assertThat(pool.available()).isEqualTo(8);
    }
  }

  @Test
  void doubleFreeIsDetectedAndLeavesPoolConsistent() {
    try (PacketPool pool = new PacketPool("p", 4, 128)) {
      int b = pool.allocate();
      pool.free(b);
      assertThatThrownBy(() -> pool.free(b)).isInstanceOf(DoubleFreeException.class)
          .hasMessageContaining("buffer #" + b + " freed twice");
      assertThat(pool.inUse()).isZero();
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        all.add(pool.allocate());
      }
      assertThat(new HashSet<>(all)).hasSize(4).doesNotContain(-1);
    }
  }

  @Test
  void buffersAreSeparateSlicesOfOneSlab() {
    try (PacketPool pool = new PacketPool("s", 2, 128)) {
      int a = pool.allocate();
      int b = pool.allocate();
      pool.segment(a).fill((byte) 1);
      pool.segment(b).fill((byte) 2);
      assertThat(pool.segment(a).get(java.lang.foreign.ValueLayout.JAVA_BYTE, 127)).isEqualTo((byte) 1);
      assertThat(pool.segment(b).address() - pool.segment(a).address()).isIn(128L, -128L);
    }
  }

  @Test
  void concurrentAllocateFreeEndsEmpty() throws Exception {
    try (PacketPool pool = new PacketPool("c", 64, 128)) {
      Runnable worker = () -> {
        int[] held = new int[16];
        for (int round = 0; round < 20_000; round++) {
          int n = 0;
          for (int i = 0; i < held.length; i++) {
            int b = pool.allocate();
            if (b >= 0) {
              held[n++] = b;
            }
          }
          for (int i = 0; i < n; i++) {
            pool.free(held[i]);
          }
        }
      };
      Thread t1 = new Thread(worker);
      Thread t2 = new Thread(worker);
      t1.start();
      t2.start();
      t1.join();
      t2.join();
      assertThat(pool.inUse()).isZero();
      Set<Integer> all = new HashSet<>();
      for (int i = 0; i < 64; i++) {
        all.add(pool.allocate());
      }
      assertThat(all).hasSize(64).doesNotContain(-1);
    }
  }
}
