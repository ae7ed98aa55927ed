package dev.custody.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.Shared;
import dev.custody.checkpoint.model.Graph;
import dev.custody.checkpoint.model.Leaf;
import dev.custody.checkpoint.model.Node;
import dev.custody.checkpoint.model.Point;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackTest {
  @Test
  void failedUpdateIsUndoneInPlaceAndItsExceptionRethrown() {
    Graph g = SharingTest.ring(8);
    g.version = 1;
    g.log.add(new Leaf(1, "first"));
    List<Leaf> log = g.log;
    Graph sameRoot = g;
    IllegalStateException boom = new IllegalStateException("validation failed");

    assertThatThrownBy(
            () ->
                Rollback.run(
                    g,
                    root -> {
                      root.version = 2;
                      root.log.add(new Leaf(2, "second"));
                      root.nodes.get(0).get().id = 99;
                      root.nodes.remove(7);
                      throw boom;
                    }))
        .isSameAs(boom);

    assertThat(sameRoot).isSameAs(g);
    assertThat(g.version).isEqualTo(1);
    assertThat(g.log).isSameAs(log).containsExactly(new Leaf(1, "first"));
    assertThat(g.nodes).hasSize(8);
    SharingTest.assertRing(g, 8);
  }

  @Test
  void successfulUpdateIsKept() {
    Graph g = SharingTest.ring(4);
    Rollback.run(g, root -> root.nodes.add(Shared.of(new Node(4))));
    assertThat(g.nodes).hasSize(5);
  }

  @Test
  void checkedExceptionsPassThroughWithTheirType() {
    Graph g = SharingTest.ring(4);
    IOException io = new IOException("disk");
    assertThatThrownBy(
            () ->
                Rollback.<Graph, IOException>run(
                    g,
                    root -> {
                      root.version = 5;
                      throw io;
                    }))
        .isSameAs(io);
    assertThat(g.version).isZero();
  }

  @Test
  void errorsAreRolledBackToo() {
    Graph g = SharingTest.ring(4);
    assertThatThrownBy(
            () ->
                Rollback.run(
                    g,
                    root -> {
                      root.nodes.clear();
                      throw new StackOverflowError("deep");
                    }))
        .isInstanceOf(StackOverflowError.class);
    SharingTest.assertRing(g, 4);
  }

  @Test
  void recordRootsAreRefused() {
    Point p = new Point(1, 1, List.of(), null);
    assertThatThrownBy(() -> Rollback.run(p, x -> {})).isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Point");
  }
}
