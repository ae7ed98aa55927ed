package dev.custody.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Shared;
import dev.custody.checkpoint.model.AllKinds;
import dev.custody.checkpoint.model.AllKinds_Checkpoint;
import dev.custody.checkpoint.model.Color;
import dev.custody.checkpoint.model.Leaf;
import dev.custody.checkpoint.model.Point;
import dev.custody.checkpoint.model.Point_Checkpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FieldKindsTest {
  @SuppressWarnings("unchecked")
  static AllKinds populated() {
    AllKinds a = new AllKinds();
    a.z = true;
    a.b = 7;
    a.s = 300;
    a.c = 'q';
    a.i = 42;
    a.j = 1L << 40;
    a.f = 1.5f;
    a.d = 2.25;
    a.boxed = 99;
    a.boxedChar = 'x';
    a.str = "hello";
    a.color = Color.GREEN;
    a.ints = new int[] {1, 2, 3};
    a.strings = new String[] {"a", null, "c"};
    a.grid = new int[][] {{1}, {2, 3}, null};
    a.leaves = new Leaf[] {new Leaf(1, "one"), null};
    Shared<Leaf> shared = Shared.of(new Leaf(5, "shared"));
    a.sharedLeaves = new Shared[] {shared, shared, null};
    a.listArray = new List[] {new ArrayList<>(List.of("x")), List.of("y", "z")};
    a.list = new ArrayList<>(List.of(new Leaf(2, "two")));
    a.list.add(null);
    a.arrayList = new ArrayList<>(List.of(4, 5));
    a.linkedList = new LinkedList<>(List.of("l1", "l2"));
    a.set = new LinkedHashSet<>(List.of("s2", "s1"));
    a.hashSet = new HashSet<>(Set.of(Color.RED));
    a.linkedHashSet = new LinkedHashSet<>(List.of(3L, 1L, 2L));
    a.treeSet = new TreeSet<>(Comparator.reverseOrder());
    a.treeSet.addAll(List.of("a", "c", "b"));
    a.sortedSet = new TreeSet<>(List.of(3, 1, 2));
    a.navigableSet = new TreeSet<>(List.of("n"));
    a.map = new HashMap<>(Map.of("k", new Leaf(3, "three")));
    a.hashMap = new HashMap<>(Map.of(1, new ArrayList<>(List.of("v"))));
    a.linkedHashMap = new LinkedHashMap<>();
    a.linkedHashMap.put("second", 2);
    a.linkedHashMap.put("first", 1);
    a.treeMap = new TreeMap<>(Map.of("t", shared));
    a.sortedMap = new TreeMap<>(Map.of("arr", new int[] {9, 8}));
    a.navigableMap = new TreeMap<>(Map.of(1, new Point(1, 1.0, List.of("p"), new Leaf(4, "four"))));
    a.nested = new HashMap<>(Map.of(new Leaf(6, "key"), new HashSet<>(Set.of(new Point(2, 2.0, List.of(), null)))));
    a.leaf = new Leaf(7, "seven");
    a.point = new Point(3, 3.0, new ArrayList<>(List.of("pt")), new Leaf(8, "eight"));
    a.sharedLeaf = shared;
    a.sharedString = Shared.of("s");
    a.sharedList = Shared.of(new ArrayList<>(List.of(new Point(4, 4.0, List.of(), null))));
    a.sharedInts = Shared.of(new int[] {10, 11});
    a.sharedPoint = Shared.of(new Point(5, 5.0, List.of("sp"), null));
    a.finalList.add(new Point(6, 6.0, List.of(), null));
    a.finalMap.put("fm", 1);
    a.finalLeaf.value = 12;
    a.finalLeaf.name = "final";
    a.notCopied = new Object();
    return a;
  }

  @Test
  void checkpointCopiesEveryFieldKindDeeply() {
    AllKinds live = populated();
    String before = live.describe();
    Checkpoint<AllKinds> cp = Checkpoints.take(live);
    AllKinds copy = cp.peek();
    assertThat(copy.describe()).isEqualTo(before);
    assertThat(copy.notCopied).isNull();

    // Mutable parts are fresh objects, immutable leaves may be shared.
    assertThat(copy.ints).isNotSameAs(live.ints);
    assertThat(copy.grid[1]).isNotSameAs(live.grid[1]);
    assertThat(copy.leaves[0]).isNotSameAs(live.leaves[0]);
    assertThat(copy.listArray[0]).isNotSameAs(live.listArray[0]);
    assertThat(copy.list).isNotSameAs(live.list);
    assertThat(copy.list.get(0)).isNotSameAs(live.list.get(0));
    assertThat(copy.map.get("k")).isNotSameAs(live.map.get("k"));
    assertThat(copy.hashMap.get(1)).isNotSameAs(live.hashMap.get(1));
    assertThat(copy.sortedMap.get("arr")).isNotSameAs(live.sortedMap.get("arr"));
    assertThat(copy.point).isNotSameAs(live.point);
    assertThat(copy.point.tags()).isNotSameAs(live.point.tags());
    assertThat(copy.sharedLeaf).isNotSameAs(live.sharedLeaf);
    assertThat(copy.sharedLeaf.get()).isNotSameAs(live.sharedLeaf.get());
    assertThat(copy.sharedInts.get()).isNotSameAs(live.sharedInts.get());
    assertThat(copy.finalList).isNotSameAs(live.finalList);
    assertThat(copy.finalLeaf).isNotSameAs(live.finalLeaf);

    // Container families survive: comparator, order, kinds, unmodifiability.
    assertThat(copy.treeSet).containsExactly("c", "b", "a");
    assertThat(copy.treeSet.comparator()).isSameAs(live.treeSet.comparator());
    assertThat(copy.set).isInstanceOf(LinkedHashSet.class).containsExactly("s2", "s1");
    assertThat(copy.linkedHashMap.keySet()).containsExactly("second", "first");
    assertThat(copy.linkedList).isInstanceOf(LinkedList.class);
    assertThatThrownBy(() -> copy.listArray[1].add("no")).isInstanceOf(UnsupportedOperationException.class);

    // One Shared, reached from four places, is one copy.
    assertThat(copy.sharedLeaves[0]).isSameAs(copy.sharedLeaves[1]).isSameAs(copy.sharedLeaf)
        .isSameAs(copy.treeMap.get("t"));

    // The checkpoint does not follow later changes.
    live.i = -1;
    live.list.get(0).value = -2;
    live.grid[1][0] = -3;
    live.sharedLeaf.get().name = "changed";
    live.finalList.clear();
    live.sharedInts.get()[0] = -4;
    assertThat(copy.describe()).isEqualTo(before);
  }

  @Test
  void restoreGivesAFreshEqualGraphEachTime() {
    AllKinds live = populated();
    String before = live.describe();
    Checkpoint<AllKinds> cp = Checkpoints.take(live, AllKinds_Checkpoint.INSTANCE);
    AllKinds r1 = cp.restore();
    AllKinds r2 = cp.restore();
    assertThat(r1.describe()).isEqualTo(before);
    assertThat(r2.describe()).isEqualTo(before);
    assertThat(r1).isNotSameAs(r2).isNotSameAs(cp.peek());
    assertThat(r1.sharedLeaf).isNotSameAs(r2.sharedLeaf).isNotSameAs(cp.peek().sharedLeaf);
    assertThat(r1.sharedLeaves[0]).isSameAs(r1.sharedLeaf);
    r1.sharedLeaf.get().value = 1000;
    assertThat(cp.restore().describe()).isEqualTo(before);
  }

  @Test
  void restoreInPlaceKeepsRootAndFinalObjects() {
    AllKinds live = populated();
    String before = live.describe();
    Checkpoint<AllKinds> cp = Checkpoints.take(live);
    List<Point> finalList = live.finalList;
    Leaf finalLeaf = live.finalLeaf;

    live.i = 0;
    live.str = null;
    live.list = null;
    live.finalList.clear();
    live.finalMap.put("new", 2);
    live.finalLeaf.value = -1;
    live.sharedLeaf = Shared.of(new Leaf(0, "other"));
    assertThat(live.describe()).isNotEqualTo(before);

    cp.restoreInto(live);
    assertThat(live.describe()).isEqualTo(before);
    assertThat(live.finalList).isSameAs(finalList);
    assertThat(live.finalLeaf).isSameAs(finalLeaf);
    assertThat(live.sharedLeaves[0]).isSameAs(live.sharedLeaf);
    assertThat(live.sharedLeaf).isNotSameAs(cp.peek().sharedLeaf);
  }

  @Test
  void recordsCopyThroughCanonicalConstructorAndRefuseInPlaceRestore() {
    Point p = new Point(1, 2.0, new ArrayList<>(List.of("a")), new Leaf(1, "l"));
    Checkpoint<Point> cp = Checkpoints.take(p);
    assertThat(cp.peek()).isEqualTo(p).isNotSameAs(p);
    assertThat(cp.peek().tags()).isNotSameAs(p.tags());
    assertThat(cp.restore()).isEqualTo(p);
    assertThat(Point_Checkpoint.INSTANCE.restorableInPlace()).isFalse();
    assertThatThrownBy(() -> cp.restoreInto(p)).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Point");
  }

  @Test
  void codecLookupFindsGeneratedCodecsAndExplainsMissingOnes() {
    assertThat(Checkpoints.codec(AllKinds.class)).isSameAs(Checkpoints.codec(AllKinds.class))
        .isInstanceOf(AllKinds_Checkpoint.class);
    assertThatThrownBy(() -> Checkpoints.codec(String.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String")
        .hasMessageContaining("@Checkpointable");
  }

  @Test
  void inPlaceRestoreIntoAnotherObjectCopiesEverything() {
    AllKinds live = populated();
    Checkpoint<AllKinds> cp = Checkpoints.take(live);
    AllKinds other = new AllKinds();
    cp.restoreInto(other);
    assertThat(other.describe()).isEqualTo(live.describe());
  }

  @Test
  void identityTrackingTraversalGivesTheSameCopy() {
    AllKinds live = populated();
    Checkpoint<AllKinds> a = Checkpoints.takeTrackingEveryObject(live, AllKinds_Checkpoint.INSTANCE);
    assertThat(a.peek().describe()).isEqualTo(live.describe());
    assertThat(a.peek().sharedLeaves[0]).isSameAs(a.peek().sharedLeaf);
    assertThat(a.peek().ints).isNotSameAs(live.ints);
  }
}
