package dev.custody.checker.ifc;

import com.sun.source.tree.Tree;
import dev.custody.checker.CheckerContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a method does to labels in one calling context (labels of receiver, arguments and pc):
 * the label of its result, the labels its receiver and linear parameters have on exit (their
 * strong updates), the pc under which it may throw ({@code throw} statements and compiled callees
 * that throw), the label of the data that decides whether a library call it makes may throw an
 * exception out of it ({@code escapes}: receivers and arguments of library calls whose exceptions
 * propagate, and the escapes of compiled callees), and the flow violations it commits. Values
 * whose origin is a {@link Origin.Param} or {@link Origin.ContextPc} depend on the caller, who
 * rewrites them with its own origins. Immutable.
 */
record Summary(Value ret, List<Value> out, Value thrown, Value escapes, List<Violation> violations) {

  /** A flow that breaks a bound: {@code text} is the message without label and source. */
  record Violation(Tree at, CheckerContext ctx, String text, Value value) {
    boolean contextDependent() {
      return value.origin() instanceof Origin.Param || value.origin() instanceof Origin.ContextPc;
    }
  }

  static Summary bottom(int arity, Lattice l) {
    List<Value> out = new ArrayList<>();
    for (int i = 0; i <= arity; i++) {
      out.add(Value.of(l.bottom()));
    }
    return new Summary(Value.of(l.bottom()), out, Value.of(l.bottom()), Value.of(l.bottom()), List.of());
  }

  /** Equal labels and the same violations: the fixpoint ignores which origin is named. */
  boolean sameLabels(Summary o) {
    if (o == null || ret.label() != o.ret.label() || thrown.label() != o.thrown.label()
        || escapes.label() != o.escapes.label() || out.size() != o.out.size()) {
      return false;
    }
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).label() != o.out.get(i).label()) {
        return false;
      }
    }
    return keys(violations).equals(keys(o.violations));
  }

  private static Set<String> keys(List<Violation> vs) {
    Set<String> k = new HashSet<>();
    for (Violation v : vs) {
      k.add(System.identityHashCode(v.at()) + ":" + v.text() + ":" + v.value().label());
    }
    return k;
  }
}
