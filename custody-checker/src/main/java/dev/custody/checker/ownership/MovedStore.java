package dev.custody.checker.ownership;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.lang.model.element.VariableElement;
import org.checkerframework.nullaway.dataflow.analysis.Store;
import org.checkerframework.nullaway.dataflow.cfg.visualize.CFGVisualizer;
import org.checkerframework.nullaway.dataflow.expression.JavaExpression;

/**
 * The ownership lattice at one program point: the variables that may have been moved on some
 * path reaching it, each with the lines of the moves. Join is union (a may-analysis), so a move
 * on any incoming path survives the merge. The lattice is finite, so widening is the join.
 *
 * <p>Immutable: every update returns a new store.
 */
final class MovedStore implements Store<MovedStore> {
  static final MovedStore EMPTY = new MovedStore(Map.of());

  private final Map<VariableElement, SortedSet<Long>> moved;

  private MovedStore(Map<VariableElement, SortedSet<Long>> moved) {
    this.moved = moved;
  }

  /** The lines where {@code var} may have moved, or null if it is live on every path. */
  SortedSet<Long> movedAt(VariableElement var) {
    return moved.get(var);
  }

  MovedStore withMove(VariableElement var, long line) {
    SortedSet<Long> lines = moved.get(var);
    if (lines != null && lines.contains(line)) {
      return this;
    }
    Map<VariableElement, SortedSet<Long>> m = new HashMap<>(moved);
    SortedSet<Long> copy = lines == null ? new TreeSet<>() : new TreeSet<>(lines);
    copy.add(line);
    m.put(var, copy);
    return new MovedStore(m);
  }

  MovedStore revive(VariableElement var) {
    if (!moved.containsKey(var)) {
      return this;
    }
    Map<VariableElement, SortedSet<Long>> m = new HashMap<>(moved);
    m.remove(var);
    return new MovedStore(m);
  }

  @Override
  public MovedStore copy() {
    return this;
  }

  @Override
  public MovedStore leastUpperBound(MovedStore other) {
    if (other.moved.isEmpty() || other.equals(this)) {
      return this;
    }
    if (moved.isEmpty()) {
      return other;
    }
    Map<VariableElement, SortedSet<Long>> m = new HashMap<>(moved);
    other.moved.forEach((var, lines) -> m.merge(var, lines, (a, b) -> {
      SortedSet<Long> u = new TreeSet<>(a);
      u.addAll(b);
      return u;
    }));
    return new MovedStore(m);
  }

  @Override
  public MovedStore widenedUpperBound(MovedStore previous) {
    return leastUpperBound(previous);
  }

  @Override
  public boolean canAlias(JavaExpression a, JavaExpression b) {
    return true;
  }

  @Override
  public String visualize(CFGVisualizer<?, MovedStore, ?> viz) {
    return toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MovedStore s && s.moved.equals(moved);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(moved);
  }

  @Override
  public String toString() {
    return "moved" + moved;
  }
}
