package dev.custody.checker.ownership;

import com.sun.source.tree.ClassTree;
import dev.custody.checker.CheckerContext;
import dev.custody.checker.CheckerPass;

/** The ownership check ({@code [custody.ownership]}): use after move, borrows, owned fields. */
public final class OwnershipPass implements CheckerPass {
  public static final String KEY = "custody.ownership";

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public void check(ClassTree topLevelClass, CheckerContext ctx) {
    // The analysis lands in the next commit; the skeleton only wires the pass in.
  }
}
