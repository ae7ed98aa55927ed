package dev.custody.netfn.maglev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MaglevTest {
  private static List<String> backends(int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add("backend-" + i);
    }
    return names;
  }

  @Test
  void everyBackendOwnsFloorOrCeilOfTheTable() {
    for (int n : new int[] {1, 3, 7, 10, 100}) {
      Maglev m = new Maglev(backends(n));
      assertThat(m.table().size()).isEqualTo(65537);
      int[] counts = m.table().entriesPerBackend();
      for (int c : counts) {
        assertThat(c).isBetween(65537 / n, 65537 / n + 1);
      }
    }
  }

  @Test
  void offsetAndSkipHashesDiffer() {
    assertThat(MaglevHash.h1("backend-0")).isNotEqualTo(MaglevHash.h2("backend-0"));
    assertThat(MaglevHash.h1("backend-0")).isNotEqualTo(MaglevHash.h1("backend-1"));
  }

  @Test
  void tableSizeMustBePrime() {
    assertThatThrownBy(() -> new Maglev(backends(2), 65536, 10)).hasMessageContaining("prime");
  }

  @Test
  void removingABackendMovesOnlyItsFlowsAndDisruptsLittleOfTheTable() {
    int n = 10;
    Maglev m = new Maglev(backends(n), 65537, 1 << 17);
    MaglevTable before = m.table();
    SplittableRandom rnd = new SplittableRandom(1);
    int flows = 50_000;
    int[][] tuple = new int[flows][];
    int[] assigned = new int[flows];
    for (int f = 0; f < flows; f++) {
      tuple[f] = new int[] {rnd.nextInt(), rnd.nextInt(), rnd.nextInt(65536), rnd.nextInt(65536),
          rnd.nextBoolean() ? 6 : 17};
      assigned[f] = m.lookup(tuple[f][0], tuple[f][1], tuple[f][2], tuple[f][3], tuple[f][4]);
    }
    int victim = 3;
    int onVictim = 0;
    for (int a : assigned) {
      onVictim += a == victim ? 1 : 0;
    }
    assertThat(m.removeBackend("backend-3")).isEqualTo(onVictim);
    int moved = 0;
    for (int f = 0; f < flows; f++) {
      int now = m.lookup(tuple[f][0], tuple[f][1], tuple[f][2], tuple[f][3], tuple[f][4]);
      assertThat(now).isNotEqualTo(victim);
      if (now != assigned[f]) {
        moved++;
        assertThat(assigned[f]).as("flow %d moved from a surviving backend", f).isEqualTo(victim);
      }
    }
    assertThat(moved).isEqualTo(onVictim);
    assertThat(onVictim).isBetween(flows / n - 1000, flows / n + 1000);

    // The table itself: entries of surviving backends that changed owner (Maglev's disruption).
    MaglevTable after = m.table();
    int changedSurvivors = 0;
    int survivorsBefore = 0;
    for (int i = 0; i < before.size(); i++) {
      if (before.entry(i) != victim) {
        survivorsBefore++;
        if (after.entry(i) != before.entry(i)) {
          changedSurvivors++;
        }
      } else {
        assertThat(after.entry(i)).isNotEqualTo(victim);
      }
    }
    double disruption = (double) changedSurvivors / survivorsBefore;
    assertThat(disruption).as("share of surviving entries remapped").isLessThan(0.05);
  }

  @Test
  void connectionTableKeepsFlowsAndFlushesWhenFull() {
    ConnectionTable t = new ConnectionTable(4);
    for (int i = 0; i < 4; i++) {
      t.put(MaglevHash.flow(i, 0, 0, 0, 6), i, 0, 0, 0, 6, i);
    }
    assertThat(t.get(MaglevHash.flow(2, 0, 0, 0, 6), 2, 0, 0, 0, 6)).isEqualTo(2);
    assertThat(t.get(MaglevHash.flow(2, 0, 0, 0, 17), 2, 0, 0, 0, 17)).isEqualTo(-1);
    t.put(MaglevHash.flow(9, 0, 0, 0, 6), 9, 0, 0, 0, 6, 1);
    assertThat(t.flushes()).isEqualTo(1);
    assertThat(t.size()).isEqualTo(1);
  }
}
