package dev.custody.checker.ownership;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.custody.checker.LinearTypes;
import dev.custody.checker.Reporter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Scans one code unit's body (not descending into nested lambdas and classes, which are units of
 * their own) and collects {@link UnitFacts}. It also applies the rules that need no dataflow, once
 * per tree:
 *
 * <ul>
 *   <li>a {@code @Borrowed} parameter cannot be moved, stored or returned (for a parameter of
 *       non-linear type, only storing and returning are errors: its value does not move);
 *   <li>a field of linear type in a linear class cannot be moved out except by an explicit take
 *       ({@code this.buf.take()}, or any method that swaps in a replacement).
 * </ul>
 */
final class FactsScanner extends TreePathScanner<Void, Void> {
  private final Trees trees;
  private final LinearTypes linear;
  private final UseClassifier classifier;
  private final Reporter reporter;
  private final Map<Element, Boolean> linearVars;
  private final UnitFacts facts = new UnitFacts();

  FactsScanner(Trees trees, LinearTypes linear, UseClassifier classifier, Reporter reporter,
      Map<Element, Boolean> linearVars) {
    this.trees = trees;
    this.linear = linear;
    this.classifier = classifier;
    this.reporter = reporter;
    this.linearVars = linearVars;
  }

  UnitFacts scanUnit(TreePath body) {
    scan(body, null);
    return facts;
  }

  static boolean isLocalKind(Element e) {
    return e != null && switch (e.getKind()) {
      case LOCAL_VARIABLE, PARAMETER, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE -> true;
      default -> false;
    };
  }

  boolean isLinearVar(Element e) {
    return linearVars.computeIfAbsent(e, k -> linear.isLinear(k.asType()));
  }

  @Override
  public Void visitVariable(VariableTree node, Void unused) {
    Element e = trees.getElement(getCurrentPath());
    if (isLocalKind(e) && isLinearVar(e) && !LinearTypes.isBorrowed(e)) {
      facts.declarations.put(node, (VariableElement) e);
    }
    return super.visitVariable(node, unused);
  }

  @Override
  public Void visitIdentifier(IdentifierTree node, Void unused) {
    Element e = trees.getElement(getCurrentPath());
    if (e == null) {
      return null;
    }
    if (e.getKind() == ElementKind.FIELD) {
      checkField((VariableElement) e, node);
    } else if (isLocalKind(e)) {
      boolean borrowed = LinearTypes.isBorrowed(e);
      boolean lin = isLinearVar(e);
      if (!borrowed && !lin) {
        return null;
      }
      Use use = classifier.classify(getCurrentPath());
      if (borrowed) {
        checkBorrowed((VariableElement) e, lin, use, node);
      } else {
        facts.uses.put(node, new UnitFacts.TrackedUse((VariableElement) e, use, node));
        facts.anyMove |= use.isMove();
      }
    }
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Void unused) {
    Element e = trees.getElement(getCurrentPath());
    if (e != null && e.getKind() == ElementKind.FIELD) {
      checkField((VariableElement) e, node);
    }
    return super.visitMemberSelect(node, unused);
  }

  @Override
  public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
    recordCaptures(node, node, "captured by a lambda");
    return null;
  }

  @Override
  public Void visitNewClass(NewClassTree node, Void unused) {
    scan(node.getEnclosingExpression(), null);
    scan(node.getArguments(), null);
    if (node.getClassBody() != null) {
      recordCaptures(node, node.getClassBody(), "captured by an anonymous class");
    }
    return null;
  }

  @Override
  public Void visitClass(ClassTree node, Void unused) {
    recordCaptures(node, node, "captured by local class " + node.getSimpleName());
    return null;
  }

  private void checkBorrowed(VariableElement param, boolean lin, Use use, Tree at) {
    if (!use.isMove() || use.category() == Use.Category.NONE) {
      return;
    }
    boolean error = lin || switch (use.category()) {
      case FIELD_STORE, ARRAY_STORE, RETURN -> true;
      default -> false;
    };
    if (error) {
      reporter.error(at, "borrowed parameter '" + param.getSimpleName()
          + "' cannot be moved, stored or returned (" + use.detail() + ")");
    }
  }

  private void checkField(VariableElement field, Tree at) {
    if (field.getSimpleName().contentEquals("this")
        || field.getSimpleName().contentEquals("super")
        || !isLinearVar(field)
        || !(field.getEnclosingElement() instanceof TypeElement owner)
        || !linear.isLinearClass(owner)) {
      return;
    }
    Use use = classifier.classify(getCurrentPath());
    if (use.isMove() && use.category() != Use.Category.TAKE) {
      reporter.error(at, "cannot move out of field '" + field.getSimpleName() + "' of linear "
          + owner.getSimpleName() + " (" + use.detail() + "); take it with Owned.take() or a "
          + "method that swaps in a replacement");
    }
  }

  /**
   * A nested lambda or class moves every tracked outer variable it mentions, at the point where
   * it is created; a borrowed linear parameter cannot be captured at all.
   */
  private void recordCaptures(Tree at, Tree body, String how) {
    Set<Element> declaredInside = new HashSet<>();
    Map<Element, Tree> firstRef = new LinkedHashMap<>();
    TreePath here = getCurrentPath();
    TreePath bodyPath = here.getLeaf() == body ? here : new TreePath(here, body);
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        Element e = trees.getElement(getCurrentPath());
        if (e != null) {
          declaredInside.add(e);
        }
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        Element e = trees.getElement(getCurrentPath());
        if (isLocalKind(e) && !declaredInside.contains(e)) {
          firstRef.putIfAbsent(e, node);
        }
        return null;
      }
    }.scan(bodyPath, null);
    for (Map.Entry<Element, Tree> ref : firstRef.entrySet()) {
      VariableElement v = (VariableElement) ref.getKey();
      if (LinearTypes.isBorrowed(v)) {
        if (isLinearVar(v)) {
          reporter.error(ref.getValue(), "borrowed parameter '" + v.getSimpleName()
              + "' cannot be moved, stored or returned (" + how + ")");
        }
      } else if (isLinearVar(v)) {
        facts.addCapture(at, new UnitFacts.Capture(v, ref.getValue()));
      }
    }
  }
}
