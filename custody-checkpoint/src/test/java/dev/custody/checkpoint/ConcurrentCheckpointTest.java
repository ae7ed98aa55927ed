package dev.custody.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.Shared;
import dev.custody.checkpoint.model.Graph;
import dev.custody.checkpoint.model.Graph_Checkpoint;
import dev.custody.checkpoint.model.Node;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Several threads checkpoint the same graph at once while another thread mutates it. The
 * documented rule (see {@link Checkpoints}): no cross-object consistency, but every Shared is
 * copied exactly once per checkpoint, nothing live is reachable from a copy, and no mark is left.
 */
class ConcurrentCheckpointTest {
  static final int N = 400;

  @Test
  void concurrentCheckpointsWhileMutatingNeverBreakSharingOrLeakLiveObjects() throws Exception {
    Graph live = SharingTest.ring(N);
    Set<Object> liveObjects = SharingTest.objects(live);
    // Only field writes and array-slot swaps: collections are not thread-safe and are not mutated.
    AtomicBoolean stop = new AtomicBoolean();
    Thread mutator =
        Thread.ofPlatform()
            .start(
                () -> {
                  int k = 0;
                  while (!stop.get()) {
                    Node n = live.nodes.get(k % N).get();
                    n.id += N; // id mod N stays the node's index
                    live.index[k % N] = live.nodes.get((k * 7) % N);
                    live.nodes.get((k + 1) % N).get().next = live.nodes.get((k * 13) % N);
                    live.version++;
                    k++;
                  }
                });
    int threads = 3;
    int rounds = 60;
    CyclicBarrier start = new CyclicBarrier(threads);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      Thread.ofPlatform()
          .start(
              () -> {
                try {
                  for (int r = 0; r < rounds; r++) {
                    if (r % 10 == 0) {
                      start.await();
                    }
                    Graph copy = Checkpoints.take(live, Graph_Checkpoint.INSTANCE).peek();
                    check(copy, liveObjects);
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                } finally {
                  done.countDown();
                }
              });
    }
    done.await();
    stop.set(true);
    mutator.join();
    assertThat(failure.get()).isNull();
    for (Shared<Node> s : live.nodes) {
      assertThat(Shared.Marks.mark(s)).isNull();
    }
  }

  /** The invariants every copy must satisfy, however the live graph changed meanwhile. */
  static void check(Graph copy, Set<Object> liveObjects) {
    Set<Shared<Node>> copies = Collections.newSetFromMap(new IdentityHashMap<>());
    copies.addAll(copy.nodes);
    require(copies.size() == N, "one copy per live Shared");
    for (Object o : List.of(copy, copy.nodes, copy.index)) {
      require(!liveObjects.contains(o), "live root object in copy");
    }
    for (int i = 0; i < N; i++) {
      Shared<Node> s = copy.nodes.get(i);
      Node n = s.get();
      require(!liveObjects.contains(s) && !liveObjects.contains(n) && !liveObjects.contains(n.peers),
          "live object reachable from copy at node " + i);
      require(Math.floorMod(n.id, N) == i, "node " + i + " has id " + n.id);
      // Every Shared reached any way is one of the N copies: one copy per live Shared.
      require(copies.contains(n.next) && copies.contains(n.peers.get(0)) && copies.contains(copy.index[i]),
          "a Shared reached twice was copied twice, at node " + i);
      require(n.peers.get(1) == s, "self-reference of node " + i + " not preserved");
    }
  }

  static void require(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }
}
