package dev.custody.checker.ownership;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.custody.checker.CheckerContext;
import dev.custody.checker.CheckerPass;
import dev.custody.checker.LinearTypes;
import dev.custody.checker.Reporter;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;

/**
 * The ownership check, {@code [custody.ownership]} (DESIGN.md §3): values of {@code @Linear}
 * classes (and their subclasses) and {@code Owned<T>} are move-only.
 *
 * <p>Each method, lambda and initializer block is a code unit. A cheap syntactic scan ({@link
 * FactsScanner}) classifies every use of a linear variable ({@link UseClassifier}) and applies the
 * flow-insensitive rules (borrowed parameters, owned fields). Only when some linear variable can
 * move does the unit get a control-flow graph and the use-after-move dataflow ({@link
 * MoveAnalysis}), which keeps the plugin's cost small on code that does not use linear types.
 *
 * <p>A diagnostic can be silenced on a declaration with {@code
 * @SuppressWarnings("custody.ownership")}, for code that tests the run-time backstop on purpose.
 */
public final class OwnershipPass implements CheckerPass {
  public static final String KEY = "custody.ownership";

  private final Map<Element, Boolean> linearVars = new HashMap<>();
  private LinearTypes linear;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public void check(ClassTree topLevelClass, CheckerContext ctx) {
    if (linear == null) {
      linear = new LinearTypes(ctx.types());
    }
    Reporter reporter = ctx.reporter(KEY);
    UseClassifier classifier = new UseClassifier(ctx.trees());
    TreePath classPath = new TreePath(new TreePath(ctx.compilationUnit()), topLevelClass);
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree node, Void unused) {
        if (node.getBody() != null) {
          analyze(getCurrentPath(), new TreePath(getCurrentPath(), node.getBody()));
        }
        return super.visitMethod(node, unused);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        analyze(getCurrentPath(), new TreePath(getCurrentPath(), node.getBody()));
        return super.visitLambdaExpression(node, unused);
      }

      @Override
      public Void visitBlock(BlockTree node, Void unused) {
        if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
          analyze(getCurrentPath(), getCurrentPath());
        }
        return super.visitBlock(node, unused);
      }

      private void analyze(TreePath unit, TreePath body) {
        FactsScanner scanner = new FactsScanner(ctx.trees(), linear, classifier, reporter, linearVars);
        UnitFacts facts = scanner.scanUnit(body);
        if (facts.anyMove) {
          new MoveAnalysis(facts, ctx).run(ctx.cfg(unit), reporter);
        }
      }
    }.scan(classPath, null);
  }
}
