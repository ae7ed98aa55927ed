package dev.custody.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** The {@link Reporter} of one key for one compilation unit. */
final class ReporterImpl implements Reporter {
  private final String key;
  private final Trees trees;
  private final CompilationUnitTree unit;
  private final Set<String> seen = new HashSet<>();

  ReporterImpl(String key, Trees trees, CompilationUnitTree unit) {
    this.key = key;
    this.trees = trees;
    this.unit = unit;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public void error(Tree tree, String message) {
    print(Diagnostic.Kind.ERROR, tree, message);
  }

  @Override
  public void warning(Tree tree, String message) {
    print(Diagnostic.Kind.WARNING, tree, message);
  }

  @Override
  public void note(Tree tree, String message) {
    print(Diagnostic.Kind.NOTE, tree, message);
  }

  private void print(Diagnostic.Kind kind, Tree tree, String message) {
    String text = "[" + key + "] " + message;
    long pos = trees.getSourcePositions().getStartPosition(unit, tree);
    if (!seen.add(kind + "@" + pos + ":" + text)) {
      return;
    }
    TreePath path = TreePath.getPath(unit, tree);
    if (path != null && suppressed(path)) {
      return;
    }
    trees.printMessage(kind, text, tree, unit);
  }

  private boolean suppressed(TreePath path) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree t = p.getLeaf();
      if (t instanceof MethodTree || t instanceof ClassTree || t instanceof VariableTree) {
        Element e = trees.getElement(p);
        if (e != null && suppresses(e)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean suppresses(Element e) {
    for (AnnotationMirror am : e.getAnnotationMirrors()) {
      if (!am.getAnnotationType().toString().equals("java.lang.SuppressWarnings")) {
        continue;
      }
      for (AnnotationValue v : am.getElementValues().values()) {
        Object value = v.getValue();
        List<?> names = value instanceof List<?> l ? l : List.of(v);
        for (Object n : names) {
          Object s = n instanceof AnnotationValue av ? av.getValue() : n;
          if (key.equals(s) || "custody".equals(s)) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
