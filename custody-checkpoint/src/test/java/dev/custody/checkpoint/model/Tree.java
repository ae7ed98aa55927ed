package dev.custody.checkpoint.model;

import dev.custody.checkpoint.Checkpointable;

/** A binary tree without aliasing: each subtree is owned by its parent. */
@Checkpointable
public final class Tree {
  public int value;
  public String label;
  public Tree left;
  public Tree right;

  public Tree() {}

  /** A full tree of the given depth (depth 0: one node), values numbered in preorder. */
  public static Tree full(int depth, int[] next) {
    Tree t = new Tree();
    t.value = next[0]++;
    t.label = "n" + t.value;
    if (depth > 0) {
      t.left = full(depth - 1, next);
      t.right = full(depth - 1, next);
    }
    return t;
  }

  /** Nodes in this tree. */
  public int size() {
    return 1 + (left == null ? 0 : left.size()) + (right == null ? 0 : right.size());
  }

  /** Structural description, for equality checks. */
  public String describe() {
    return "(" + value + ":" + label + " " + (left == null ? "-" : left.describe()) + " "
        + (right == null ? "-" : right.describe()) + ")";
  }
}
