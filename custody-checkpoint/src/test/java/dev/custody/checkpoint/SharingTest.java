package dev.custody.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Shared;
import dev.custody.checkpoint.model.Box;
import dev.custody.checkpoint.model.Graph;
import dev.custody.checkpoint.model.Graph_Checkpoint;
import dev.custody.checkpoint.model.Node;
import dev.custody.checkpoint.model.Node_Checkpoint;
import dev.custody.checkpoint.model.Wrapper;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharingTest {
  /** A ring of n nodes (cycle through Shared), each also listed in nodes and index. */
  @SuppressWarnings("unchecked")
  static Graph ring(int n) {
    Graph g = new Graph();
    List<Shared<Node>> shared = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      shared.add(Shared.of(new Node(i)));
    }
    for (int i = 0; i < n; i++) {
      Node node = shared.get(i).get();
      node.next = shared.get((i + 1) % n);
      node.peers.add(shared.get((i + n - 1) % n));
      node.peers.add(shared.get(i)); // itself
    }
    g.nodes.addAll(shared);
    g.index = shared.toArray(new Shared[0]);
    return g;
  }

  static void assertRing(Graph g, int n) {
    for (int i = 0; i < n; i++) {
      Shared<Node> s = g.nodes.get(i);
      assertThat(s.get().id).isEqualTo(i);
      assertThat(g.index[i]).isSameAs(s);
      assertThat(s.get().next).isSameAs(g.nodes.get((i + 1) % n));
      assertThat(s.get().peers.get(0)).isSameAs(g.nodes.get((i + n - 1) % n));
      assertThat(s.get().peers.get(1)).isSameAs(s);
    }
  }

  static Set<Object> objects(Graph g) {
    Set<Object> out = Collections.newSetFromMap(new IdentityHashMap<>());
    out.add(g);
    out.add(g.nodes);
    out.add(g.index);
    for (Shared<Node> s : g.nodes) {
      out.add(s);
      out.add(s.get());
      out.add(s.get().peers);
    }
    return out;
  }

  @Test
  void sharedObjectsAreCopiedOnceAndCyclesSurvive() {
    Graph live = ring(50);
    Checkpoint<Graph> cp = Checkpoints.take(live);
    assertRing(cp.peek(), 50);
    Set<Object> liveObjects = objects(live);
    for (Object o : objects(cp.peek())) {
      assertThat(liveObjects).doesNotContain(o);
    }
    Graph fresh = cp.restore();
    assertRing(fresh, 50);
    Set<Object> snapshotObjects = objects(cp.peek());
    for (Object o : objects(fresh)) {
      assertThat(snapshotObjects).doesNotContain(o);
    }
  }

  @Test
  void aRuleReachedFromThreePlacesIsCopiedOnceAndRestoredOnce() {
    Graph g = new Graph();
    Node a = new Node(1);
    Node b = new Node(2);
    Node c = new Node(3);
    Shared<Node> ruleHolder = Shared.of(new Node(0));
    for (Node n : List.of(a, b, c)) {
      n.next = ruleHolder;
      g.nodes.add(Shared.of(n));
    }
    Graph copy = Checkpoints.take(g).restore();
    Shared<Node> first = copy.nodes.get(0).get().next;
    assertThat(copy.nodes.get(1).get().next).isSameAs(first);
    assertThat(copy.nodes.get(2).get().next).isSameAs(first);
    assertThat(first).isNotSameAs(ruleHolder);
    assertThat(first.get()).isNotSameAs(ruleHolder.get());
  }

  @Test
  void cycleThroughARecordAndSharedIsRebuiltWhicheverSideIsReachedFirst() {
    Box box = new Box();
    box.label = "b";
    Shared<Box> sharedBox = Shared.of(box);
    Shared<Wrapper> sharedWrapper = Shared.of(new Wrapper("w", sharedBox));
    box.wrapper = sharedWrapper;

    Graph viaBox = new Graph();
    viaBox.box = sharedBox;
    Graph copy = Checkpoints.take(viaBox).restore();
    assertThat(copy.box).isNotSameAs(sharedBox);
    assertThat(copy.box.get().wrapper.get().box()).isSameAs(copy.box);
    assertThat(copy.box.get().wrapper.get().name()).isEqualTo("w");

    // Reached from the record side first: a Wrapper root holds the cycle's other Shared.
    Wrapper root = new Wrapper("root", sharedBox);
    Wrapper w = Checkpoints.take(root).peek();
    assertThat(w.box().get().wrapper.get().box()).isSameAs(w.box());
  }

  @Test
  void marksAreClearedWhenTheCheckpointCompletes() {
    Graph live = ring(10);
    CopyContext ctx = CopyContext.open();
    Graph copy = Graph_Checkpoint.copyOf(live, ctx);
    for (Shared<Node> s : live.nodes) {
      assertThat(ctx.holdsMark(s)).isTrue();
    }
    ctx.close();
    for (Shared<Node> s : live.nodes) {
      assertThat(Shared.Marks.mark(s)).isNull();
    }
    assertRing(copy, 10);
  }

  @Test
  void aSecondTraversalFindingForeignMarksUsesItsSideTableAndStillCopiesOnce() {
    Graph live = ring(20);
    CopyContext first = CopyContext.open();
    Graph a = Graph_Checkpoint.copyOf(live, first); // marks held, not yet closed
    Graph b;
    try (CopyContext second = CopyContext.open()) {
      b = Graph_Checkpoint.copyOf(live, second);
      for (Shared<Node> s : live.nodes) {
        assertThat(second.holdsMark(s)).isFalse();
        assertThat(first.holdsMark(s)).isTrue();
      }
    }
    // The first traversal still sees its own marks after the second finished.
    for (Shared<Node> s : live.nodes) {
      assertThat(first.holdsMark(s)).isTrue();
      assertThat(first.copyOf(s)).isSameAs(a.nodes.get(s.get().id));
    }
    first.close();
    assertRing(a, 20);
    assertRing(b, 20);
    assertThat(a.nodes.get(0)).isNotSameAs(b.nodes.get(0));
    for (Shared<Node> s : live.nodes) {
      assertThat(Shared.Marks.mark(s)).isNull();
    }
  }

  @Test
  void aFailedTraversalLeavesNoMarks() {
    Graph live = ring(5);
    CopyContext ctx = CopyContext.open();
    try (ctx) {
      Graph_Checkpoint.copyOf(live, ctx);
      throw new IllegalStateException("boom");
    } catch (IllegalStateException expected) {
      // closed by try-with-resources
    }
    for (Shared<Node> s : live.nodes) {
      assertThat(Shared.Marks.mark(s)).isNull();
    }
  }

  @Test
  void aCheckpointKeepsNothingOfTheLiveGraphReachable() throws Exception {
    Graph live = ring(100);
    WeakReference<Node> liveNode = new WeakReference<>(live.nodes.get(7).get());
    WeakReference<Shared<Node>> liveShared = new WeakReference<>(live.nodes.get(7));
    Checkpoint<Graph> cp = Checkpoints.take(live);
    live = null;
    assertThat(gcUntilCleared(liveNode) && gcUntilCleared(liveShared)).isTrue();
    assertRing(cp.peek(), 100);
  }

  @Test
  void theLiveGraphKeepsNothingOfACheckpointReachable() throws Exception {
    Graph live = ring(100);
    Checkpoint<Graph> cp = Checkpoints.take(live);
    WeakReference<Shared<Node>> copied = new WeakReference<>(cp.peek().nodes.get(7));
    WeakReference<Node> copiedNode = new WeakReference<>(cp.peek().nodes.get(7).get());
    cp = null;
    assertThat(gcUntilCleared(copied) && gcUntilCleared(copiedNode)).isTrue();
    assertRing(live, 100);
  }

  static boolean gcUntilCleared(WeakReference<?> ref) throws InterruptedException {
    for (int i = 0; i < 100 && ref.get() != null; i++) {
      System.gc();
      byte[][] pressure = new byte[16][];
      for (int j = 0; j < pressure.length; j++) {
        pressure[j] = new byte[1 << 16];
      }
      Thread.sleep(10);
    }
    return ref.get() == null;
  }

  @Test
  void identityTrackingTraversalPreservesTheSameSharing() {
    Graph live = ring(30);
    Graph copy = Checkpoints.takeTrackingEveryObject(live, Graph_Checkpoint.INSTANCE).peek();
    assertRing(copy, 30);
    for (Shared<Node> s : live.nodes) {
      assertThat(Shared.Marks.mark(s)).isNull();
    }
  }

  @Test
  void nodeCodecCopiesSubgraphReachedFromANode() {
    Graph live = ring(3);
    Node n = Checkpoints.take(live.nodes.get(0).get(), Node_Checkpoint.INSTANCE).peek();
    assertThat(n.next.get().next.get().next.get().next).isSameAs(n.next);
  }
}
