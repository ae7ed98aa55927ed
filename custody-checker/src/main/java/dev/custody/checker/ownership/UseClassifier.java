package dev.custody.checker.ownership;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.custody.checker.LinearTypes;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Decides from an expression's syntactic context whether the value it names is borrowed, moved or
 * overwritten (the rules of DESIGN.md §3, "Ownership").
 *
 * <p>The context is found by walking up through parentheses, casts, the arms of {@code ?:} and
 * the results of switch expressions, to the first construct that consumes the value:
 *
 * <ul>
 *   <li>moves: right-hand side of an assignment or initializer (to a local, field or array
 *       element), {@code return}, an expression lambda's body, an array initializer, {@code
 *       throw}, the qualifier of a method reference, an argument whose parameter is not {@code
 *       @Borrowed} (varargs included; see {@link BorrowingMethods} for read-only library
 *       methods), and the receiver of {@code Owned.move()}/{@code Owned.take()};
 *   <li>borrows: the receiver of any other method call or a field read, comparisons, {@code
 *       instanceof}, switch selectors, string concatenation, for-each iteration, {@code
 *       synchronized}, a {@code @Borrowed} argument, and anything else.
 * </ul>
 *
 * <p>Stateless apart from javac's utilities; not thread-safe because javac is not.
 */
public final class UseClassifier {
  private final Trees trees;

  public UseClassifier(Trees trees) {
    this.trees = trees;
  }

  /** How the expression at the leaf of {@code path} is used. */
  public Use classify(TreePath path) {
    Tree child = path.getLeaf();
    TreePath p = path.getParentPath();
    while (p != null) {
      Tree parent = p.getLeaf();
      switch (parent) {
        case ParenthesizedTree t -> { }
        case TypeCastTree t -> { }
        case ConditionalExpressionTree c -> {
          if (c.getCondition() == child) {
            return Use.BORROW;
          }
        }
        case CaseTree c -> {
          // `case X -> expr` of a switch expression: the value is the switch's result.
          if (c.getBody() != child || !(p.getParentPath().getLeaf() instanceof SwitchExpressionTree)) {
            return Use.BORROW;
          }
        }
        case YieldTree y -> {
          TreePath s = p;
          while (s != null && !(s.getLeaf() instanceof SwitchExpressionTree)) {
            s = s.getParentPath();
          }
          if (s == null) {
            return Use.BORROW;
          }
          p = s;
          parent = s.getLeaf();
        }
        case SwitchExpressionTree s -> {
          if (s.getExpression() == child) {
            return Use.BORROW;
          }
        }
        case MemberSelectTree sel -> {
          return receiverUse(p);
        }
        case MethodInvocationTree mi -> {
          return mi.getMethodSelect() == child ? Use.BORROW : argumentUse(p, mi.getArguments(), child);
        }
        case NewClassTree nc -> {
          return nc.getEnclosingExpression() == child ? Use.BORROW : argumentUse(p, nc.getArguments(), child);
        }
        case AssignmentTree a -> {
          if (a.getVariable() == child) {
            return Use.WRITE;
          }
          return storeInto(a.getVariable(), new TreePath(p, a.getVariable()));
        }
        case VariableTree v -> {
          return v.getInitializer() == child
              ? Use.move(Use.Category.ASSIGN, "assigned to '" + v.getName() + "'")
              : Use.BORROW;
        }
        case ReturnTree r -> {
          return Use.move(Use.Category.RETURN, "returned");
        }
        case LambdaExpressionTree l -> {
          return Use.move(Use.Category.RETURN, "returned from a lambda");
        }
        case NewArrayTree na -> {
          return na.getInitializers() != null && na.getInitializers().contains(child)
              ? Use.move(Use.Category.ARRAY_STORE, "stored in an array")
              : Use.BORROW;
        }
        case ThrowTree t -> {
          return Use.move(Use.Category.THROW, "thrown");
        }
        case MemberReferenceTree mr -> {
          return Use.move(Use.Category.CAPTURE, "captured by a method reference");
        }
        default -> {
          return Use.BORROW;
        }
      }
      child = parent;
      p = p.getParentPath();
    }
    return Use.BORROW;
  }

  private Use storeInto(ExpressionTree target, TreePath targetPath) {
    Tree t = target;
    while (t instanceof ParenthesizedTree pt) {
      t = pt.getExpression();
    }
    if (t instanceof ArrayAccessTree) {
      return Use.move(Use.Category.ARRAY_STORE, "stored in an array");
    }
    Element e = trees.getElement(targetPath);
    if (e != null && e.getKind() == ElementKind.FIELD) {
      return Use.move(Use.Category.FIELD_STORE, "stored in field '" + e.getSimpleName() + "'");
    }
    String name = t instanceof IdentifierTree id ? id.getName().toString() : String.valueOf(t);
    return Use.move(Use.Category.ASSIGN, "assigned to '" + name + "'");
  }

  /** {@code value.m(...)} or {@code value.f}: a borrow, unless it is Owned.move()/take(). */
  private Use receiverUse(TreePath selectPath) {
    TreePath up = selectPath.getParentPath();
    if (up != null
        && up.getLeaf() instanceof MethodInvocationTree mi
        && mi.getMethodSelect() == selectPath.getLeaf()
        && trees.getElement(up) instanceof ExecutableElement m
        && isOwnedTake(m)) {
      return Use.move(Use.Category.TAKE, "moved by Owned." + m.getSimpleName() + "()");
    }
    return Use.BORROW;
  }

  private static boolean isOwnedTake(ExecutableElement m) {
    String name = m.getSimpleName().toString();
    return (name.equals("move") || name.equals("take"))
        && m.getParameters().isEmpty()
        && m.getEnclosingElement() instanceof TypeElement t
        && t.getQualifiedName().contentEquals(LinearTypes.OWNED);
  }

  private Use argumentUse(TreePath callPath, List<? extends ExpressionTree> args, Tree arg) {
    int index = args.indexOf(arg);
    if (index < 0 || !(trees.getElement(callPath) instanceof ExecutableElement method)) {
      return Use.BORROW;
    }
    List<? extends VariableElement> params = method.getParameters();
    if (params.isEmpty()) {
      return Use.BORROW;
    }
    VariableElement param = index < params.size() ? params.get(index) : params.get(params.size() - 1);
    if (method.isVarArgs() && index >= params.size() - 1) {
      param = params.get(params.size() - 1);
    }
    if (LinearTypes.isBorrowed(param) || BorrowingMethods.borrows(method)) {
      return Use.BORROW;
    }
    if (BorrowingMethods.returnsArgument(method)
        && callPath.getParentPath().getLeaf() instanceof ExpressionStatementTree) {
      return Use.BORROW; // Objects.requireNonNull(x); as a statement only checks x
    }
    String callee = method.getKind() == ElementKind.CONSTRUCTOR
        ? "new " + method.getEnclosingElement().getSimpleName()
        : method.getSimpleName().toString();
    return Use.move(Use.Category.ARGUMENT, "passed to '" + callee + "'");
  }
}
