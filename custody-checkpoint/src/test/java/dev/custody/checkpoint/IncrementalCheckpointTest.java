package dev.custody.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Shared;
import dev.custody.checkpoint.model.AllKinds;
import dev.custody.checkpoint.model.Catalog;
import dev.custody.checkpoint.model.Catalog_Checkpoint;
import dev.custody.checkpoint.model.Color;
import dev.custody.checkpoint.model.Graph;
import dev.custody.checkpoint.model.Leaf;
import dev.custody.checkpoint.model.Point;
import dev.custody.checkpoint.model.Tree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IncrementalCheckpointTest {
  static Catalog catalog() {
    Catalog c = new Catalog();
    for (int i = 0; i < 10; i++) {
      Leaf l = new Leaf(i, "item" + i);
      c.items.add(l);
      c.byName.put("k" + i, new Leaf(100 + i, "named" + i));
    }
    Shared<Leaf> star = Shared.of(new Leaf(7, "star"));
    c.featured = star;
    c.shelf.add(Shared.of(new Leaf(1, "a")));
    c.shelf.add(star);
    c.shelf.add(Shared.of(new Leaf(2, "b")));
    c.pinned.add(star);
    c.slots = new Leaf[] {new Leaf(1, "s1"), null, new Leaf(3, "s3")};
    c.price = 9.5;
    return c;
  }

  static Set<Object> identities(Catalog c) {
    Set<Object> out = Collections.newSetFromMap(new IdentityHashMap<>());
    out.add(c);
    out.add(c.items);
    out.addAll(c.items);
    out.add(c.byName);
    out.addAll(c.byName.values());
    out.add(c.featured);
    out.add(c.featured.get());
    out.add(c.shelf);
    for (Shared<Leaf> s : c.shelf) {
      out.add(s);
      out.add(s.get());
    }
    out.add(c.pinned);
    out.add(c.slots);
    return out;
  }

  /** No object of {@code a} is in {@code b}, by identity. */
  static void assertDisjoint(Set<Object> a, Set<Object> b) {
    for (Object o : a) {
      assertThat(b.contains(o)).as("shared object %s", o).isFalse();
    }
  }

  @Test
  void unchangedGraphGivesThePreviousSnapshotRootItself() {
    Tree tree = Tree.full(5, new int[1]);
    Checkpoint<Tree> first = Checkpoints.take(tree);
    Checkpoint<Tree> second = Checkpoints.takeIncremental(tree, first);
    assertThat(second.peek()).isSameAs(first.peek());
    assertThat(second.copiedObjects()).isZero();
    assertThat(second.reusedObjects()).isEqualTo(tree.size());
    assertThat(second.reusedFraction()).isEqualTo(1.0);

    Catalog c = catalog();
    Checkpoint<Catalog> c1 = Checkpoints.take(c);
    Checkpoint<Catalog> c2 = c1.next(c);
    assertThat(c2.peek()).isSameAs(c1.peek());
    assertThat(c2.copiedObjects()).isZero();
    assertThat(c1.copiedObjects()).isEqualTo(c2.reusedObjects());
  }

  @Test
  void oneDeepScalarChangeCopiesOnlyThePathFromTheRoot() {
    int depth = 8;
    Tree tree = Tree.full(depth, new int[1]);
    Checkpoint<Tree> first = Checkpoints.take(tree);
    Tree deepest = tree;
    while (deepest.left != null) {
      deepest = deepest.right != null && deepest.value % 2 == 0 ? deepest.right : deepest.left;
    }
    deepest.value = -1;

    Checkpoint<Tree> second = first.next(tree);
    assertThat(second.peek().describe()).isEqualTo(tree.describe());
    assertThat(second.copiedObjects()).isEqualTo(depth + 1);
    assertThat(second.reusedObjects()).isEqualTo(tree.size() - depth - 1);
    Tree live = tree;
    Tree now = second.peek();
    Tree before = first.peek();
    while (live != null) {
      assertThat(now).isNotSameAs(before);
      if (live.left == null) {
        break;
      }
      boolean right = live.right != null && live.value % 2 == 0;
      assertThat(right ? now.left : now.right).isSameAs(right ? before.left : before.right);
      live = right ? live.right : live.left;
      now = right ? now.right : now.left;
      before = right ? before.right : before.left;
    }
    assertThat(first.restore().describe()).isNotEqualTo(tree.describe());
  }

  @Test
  void listElementAddedOrRemovedReusesTheOtherElements() {
    Catalog c = catalog();
    Checkpoint<Catalog> first = Checkpoints.take(c);
    List<Leaf> before = first.peek().items;

    c.items.add(new Leaf(10, "item10"));
    Checkpoint<Catalog> added = first.next(c);
    assertThat(added.peek().items).isNotSameAs(before).hasSize(11);
    for (int i = 0; i < 10; i++) {
      assertThat(added.peek().items.get(i)).isSameAs(before.get(i));
    }
    assertThat(added.peek().byName).isSameAs(first.peek().byName);
    assertThat(added.peek().shelf).isSameAs(first.peek().shelf);

    c.items.remove(10);
    Checkpoint<Catalog> back = added.next(c);
    assertThat(back.peek().items).isNotSameAs(before).isEqualTo(before);
    for (int i = 0; i < 10; i++) {
      assertThat(back.peek().items.get(i)).isSameAs(before.get(i));
    }
    c.items.remove(2);
    Checkpoint<Catalog> removed = back.next(c);
    List<Leaf> after = removed.peek().items;
    assertThat(after).isEqualTo(c.items).hasSize(9);
    assertThat(after.get(0)).isSameAs(before.get(0));
    assertThat(after.get(1)).isSameAs(before.get(1));
    // The first element after the removal is compared with the removed one; the rest pair from
    // the end and are reused.
    for (int i = 3; i < 9; i++) {
      assertThat(after.get(i)).isSameAs(before.get(i + 1));
    }
    c.items.add(4, new Leaf(44, "inserted"));
    Checkpoint<Catalog> inserted = removed.next(c);
    assertThat(inserted.peek().items).isEqualTo(c.items);
    assertThat(inserted.peek().items.get(9)).isSameAs(after.get(8));
    assertThat(inserted.restore().describe()).isEqualTo(c.describe());
  }

  @Test
  void changedMapEntryIsCopiedAndTheOthersReused() {
    Catalog c = catalog();
    Checkpoint<Catalog> first = Checkpoints.take(c);
    c.byName.get("k3").name = "renamed";
    Checkpoint<Catalog> second = first.next(c);
    assertThat(second.peek().byName).isNotSameAs(first.peek().byName);
    assertThat(second.peek().byName.get("k3").name).isEqualTo("renamed");
    assertThat(first.peek().byName.get("k3").name).isEqualTo("named3");
    for (int i = 0; i < 10; i++) {
      if (i != 3) {
        assertThat(second.peek().byName.get("k" + i)).isSameAs(first.peek().byName.get("k" + i));
      }
    }
    assertThat(second.peek().items).isSameAs(first.peek().items);

    c.byName.put("new", new Leaf(0, "new"));
    c.byName.remove("k0");
    Checkpoint<Catalog> third = second.next(c);
    assertThat(third.peek().byName).containsOnlyKeys(c.byName.keySet());
    assertThat(third.peek().byName.get("k5")).isSameAs(first.peek().byName.get("k5"));
    assertThat(third.restore().describe()).isEqualTo(c.describe());
  }

  @Test
  void sharedReachedThreeWaysIsComparedOnceAndStaysShared() {
    Catalog c = catalog();
    Checkpoint<Catalog> first = Checkpoints.take(c);
    Catalog unchanged = first.next(c).peek();
    assertThat(unchanged.featured).isSameAs(first.peek().featured);

    c.featured.get().value = 70;
    Checkpoint<Catalog> second = first.next(c);
    Catalog snap = second.peek();
    assertThat(snap.featured).isNotSameAs(first.peek().featured);
    assertThat(snap.featured.get().value).isEqualTo(70);
    assertThat(first.peek().featured.get().value).isEqualTo(7);
    assertThat(snap.shelf.get(1)).isSameAs(snap.featured);
    assertThat(snap.pinned.get(0)).isSameAs(snap.featured);
    assertThat(snap.shelf.get(0)).isSameAs(first.peek().shelf.get(0));
    assertThat(snap.shelf.get(2)).isSameAs(first.peek().shelf.get(2));
    // New: the Shared, its leaf, the root, the shelf list and the pinned list.
    assertThat(second.copiedObjects()).isEqualTo(5);

    Catalog restored = second.restore();
    assertThat(restored.shelf.get(1)).isSameAs(restored.featured);
    assertThat(restored.pinned.get(0)).isSameAs(restored.featured);
    assertThat(restored.describe()).isEqualTo(c.describe());
  }

  @Test
  void twoLiveSharedsNeverReuseOnePreviousCopy() {
    Catalog c = catalog();
    Shared<Leaf> a = c.shelf.get(0);
    c.shelf.set(2, a); // shelf = [a, star, a]
    Checkpoint<Catalog> first = Checkpoints.take(c);
    assertThat(first.peek().shelf.get(2)).isSameAs(first.peek().shelf.get(0));

    c.shelf.set(2, Shared.of(new Leaf(1, "a"))); // equal value, distinct object
    Checkpoint<Catalog> second = first.next(c);
    Catalog snap = second.peek();
    assertThat(snap.shelf.get(0)).isSameAs(first.peek().shelf.get(0));
    assertThat(snap.shelf.get(2)).isNotSameAs(snap.shelf.get(0));
    Catalog restored = second.restore();
    assertThat(restored.shelf.get(2)).isNotSameAs(restored.shelf.get(0));
    assertThat(restored.shelf.get(2).get()).isEqualTo(restored.shelf.get(0).get());
  }

  @Test
  void cyclesThroughSharedAreRebuiltCorrectly() {
    Graph g = SharingTest.ring(30);
    Checkpoint<Graph> first = Checkpoints.take(g);
    Checkpoint<Graph> same = first.next(g);
    SharingTest.assertRing(same.peek(), 30);
    SharingTest.assertRing(same.restore(), 30);

    g.nodes.get(5).get().id = 5; // unchanged value
    g.version = 2;
    Checkpoint<Graph> second = same.next(g);
    assertThat(second.peek().version).isEqualTo(2);
    SharingTest.assertRing(second.peek(), 30);
    Graph restored = second.restore();
    SharingTest.assertRing(restored, 30);
    assertThat(first.restore().version).isZero();
  }

  @Test
  void restoringAnIncrementalCheckpointGivesTheLiveGraphForEveryFieldKind() {
    AllKinds a = FieldKindsTest.populated();
    Checkpoint<AllKinds> first = Checkpoints.take(a);
    String state1 = a.describe();
    Checkpoint<AllKinds> unchanged = first.next(a);
    assertThat(unchanged.restore().describe()).isEqualTo(state1);
    assertThat(unchanged.peek().leaf).isSameAs(first.peek().leaf);
    assertThat(unchanged.peek().point).isSameAs(first.peek().point);
    assertThat(unchanged.peek().list).isSameAs(first.peek().list);
    assertThat(unchanged.peek().sharedLeaf).isSameAs(first.peek().sharedLeaf);
    assertThat(unchanged.peek().sortedMap).isSameAs(first.peek().sortedMap);

    a.d = -0.0;
    a.f = Float.NaN;
    a.ints[1] = 20;
    a.grid[1][0] = 7;
    a.leaves[1] = new Leaf(9, "nine");
    a.sharedLeaf.get().name = "changed"; // reached from sharedLeaves twice and treeMap too
    a.list.add(new Leaf(3, "three"));
    a.linkedList.removeFirst();
    a.set = new java.util.LinkedHashSet<>(List.of("s1", "s2")); // same elements, other order
    a.linkedHashMap.remove("second");
    a.linkedHashMap.put("second", 2); // same entries, other order
    a.hashMap.get(1).add("w");
    a.sortedMap.get("arr")[0] = 0;
    a.navigableMap.put(2, new Point(2, 2.0, List.of(), null));
    a.point = new Point(3, 3.0, new ArrayList<>(List.of("pt", "more")), a.point.leaf());
    a.sharedList.get().add(new Point(9, 9.0, List.of(), null));
    a.finalList.add(new Point(7, 7.0, List.of(), null));
    a.finalMap.put("fm", 2);
    a.finalLeaf.value = 13;
    a.color = Color.RED;
    String state2 = a.describe();
    Checkpoint<AllKinds> second = unchanged.next(a);
    assertThat(second.restore().describe()).isEqualTo(state2);
    assertThat(second.peek().leaf).isSameAs(first.peek().leaf);
    assertThat(first.restore().describe()).isEqualTo(state1);
    AllKinds restored = second.restore();
    assertThat(restored.sharedLeaves[0]).isSameAs(restored.sharedLeaf).isSameAs(restored.sharedLeaves[1]);
    assertThat(restored.treeMap.get("t")).isSameAs(restored.sharedLeaf);
    assertThat(Double.doubleToRawLongBits(restored.d)).isEqualTo(Double.doubleToRawLongBits(-0.0));

    first.restoreInto(a);
    assertThat(a.describe()).isEqualTo(state1);
    second.restoreInto(a);
    assertThat(a.describe()).isEqualTo(state2);
  }

  @Test
  void snapshotsStayTheirOwnStateWhateverIsRestoredOrChanged() {
    Catalog c = catalog();
    Checkpoint<Catalog> cp1 = Checkpoints.take(c);
    String s1 = c.describe();
    c.items.get(0).value = 1000;
    c.featured.get().name = "star2";
    Checkpoint<Catalog> cp2 = cp1.next(c);
    String s2 = c.describe();

    cp1.restoreInto(c);
    assertThat(c.describe()).isEqualTo(s1);
    assertDisjoint(identities(c), identities(cp1.peek()));
    assertDisjoint(identities(c), identities(cp2.peek()));
    // Writing the restored graph must not reach either snapshot.
    c.items.get(1).value = -5;
    c.featured.get().value = -7;
    c.byName.get("k1").name = "x";
    assertThat(cp2.restore().describe()).isEqualTo(s2);
    assertThat(cp1.restore().describe()).isEqualTo(s1);

    Catalog fresh = cp2.restore();
    assertDisjoint(identities(fresh), identities(cp2.peek()));
    fresh.items.get(1).name = "y";
    assertThat(cp1.restore().describe()).isEqualTo(s1);
    assertThat(cp2.restore().describe()).isEqualTo(s2);
  }

  @Test
  void anyEarlierSnapshotOfTheTypeIsAValidPrevious() {
    Tree other = Tree.full(4, new int[] {50});
    Checkpoint<Tree> unrelated = Checkpoints.take(other);
    Tree tree = Tree.full(6, new int[1]);
    Checkpoint<Tree> cp = Checkpoints.takeIncremental(tree, unrelated, Checkpoints.codec(Tree.class));
    assertThat(cp.peek().describe()).isEqualTo(tree.describe());
    assertThat(cp.restore().describe()).isEqualTo(tree.describe());
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void previousOfAnotherTypeIsRefused() {
    Checkpoint trees = Checkpoints.take(Tree.full(1, new int[1]));
    assertThatThrownBy(() -> Checkpoints.takeIncremental(catalog(), (Checkpoint<Catalog>) trees))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tree")
        .hasMessageContaining("Catalog");
    assertThatThrownBy(() -> Checkpoints.takeIncremental(catalog(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("previous");
  }

  @Test
  void concurrentIncrementalCheckpointsAndRestoresOfOnePrevious() throws Exception {
    Catalog base = catalog();
    Checkpoint<Catalog> first = Checkpoints.take(base);
    String s1 = base.describe();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int id = t;
        done.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 300; round++) {
                    if (id % 2 == 0) {
                      assertThat(first.restore().describe()).isEqualTo(s1);
                    } else {
                      Catalog mine = first.restore();
                      mine.featured.get().value = round;
                      mine.items.get(round % 10).name = "r" + round;
                      Checkpoint<Catalog> next = first.next(mine);
                      Catalog back = next.restore();
                      assertThat(back.describe()).isEqualTo(mine.describe());
                      assertThat(back.pinned.get(0)).isSameAs(back.featured);
                      assertThat(next.peek().shelf.get(0)).isSameAs(first.peek().shelf.get(0));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(first.restore().describe()).isEqualTo(s1);
  }

  @Test
  void concurrentIncrementalCheckpointsOfOneLiveGraphEachReuseEverything() throws Exception {
    Catalog live = catalog();
    Checkpoint<Catalog> first = Checkpoints.take(live);
    String s1 = live.describe();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 500; round++) {
                    // Threads collide on the live Shareds' marks and on the previous snapshot's;
                    // the losers use their side tables and must reach the same result.
                    Checkpoint<Catalog> next = first.next(live);
                    assertThat(next.peek()).isSameAs(first.peek());
                    assertThat(next.copiedObjects()).isZero();
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(first.restore().describe()).isEqualTo(s1);
    // Every mark was cleared: a later traversal claims the objects itself.
    try (CopyContext ctx = CopyContext.open()) {
      Catalog_Checkpoint.copyIncrementalOf(live, first.peek(), ctx);
      assertThat(ctx.holdsMark(live.featured)).isTrue();
      // The previous snapshot is only read.
      assertThat(Shared.Marks.mark(first.peek().featured)).isNull();
    }
    try (CopyContext ctx = CopyContext.open()) {
      assertThat(ctx.holdsMark(live.featured)).isFalse();
    }
  }

  @Test
  void markedSharedsAreReleasedWhenTheCheckpointCompletes() {
    Catalog live = catalog();
    Checkpoint<Catalog> first = Checkpoints.take(live);
    CopyContext ctx = CopyContext.open();
    Catalog result = Catalog_Checkpoint.copyIncrementalOf(live, first.peek(), ctx);
    assertThat(result).isSameAs(first.peek());
    assertThat(ctx.holdsMark(live.featured)).isTrue();
    for (Shared<Leaf> s : first.peek().shelf) {
      assertThat(Shared.Marks.mark(s)).isNull();
    }
    ctx.close();
    assertThat(ctx.holdsMark(first.peek().featured)).isFalse();
    assertThat(ctx.holdsMark(live.featured)).isFalse();
    assertThat(ctx.reusedObjects()).isPositive();
  }
}
