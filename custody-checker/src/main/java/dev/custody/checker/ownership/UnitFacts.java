package dev.custody.checker.ownership;

import com.sun.source.tree.Tree;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.VariableElement;

/**
 * What the cheap syntactic scan found in one code unit (method, lambda or initializer body,
 * nested lambdas and classes excluded): every use of a tracked variable, every capture by a
 * nested lambda or class, and the declarations of tracked variables. The dataflow analysis runs
 * only when a tracked variable can move.
 */
final class UnitFacts {
  /** A use of a tracked (linear, owned, not borrowed) variable. */
  record TrackedUse(VariableElement var, Use use, Tree tree) {}

  /** A tracked variable captured by a nested lambda, method reference or class. */
  record Capture(VariableElement var, Tree firstReference) {}

  final Map<Tree, TrackedUse> uses = new IdentityHashMap<>();
  final Map<Tree, List<Capture>> captures = new IdentityHashMap<>();
  final Map<Tree, VariableElement> declarations = new IdentityHashMap<>();
  boolean anyMove;

  void addCapture(Tree at, Capture c) {
    captures.computeIfAbsent(at, k -> new ArrayList<>()).add(c);
    anyMove = true;
  }
}
