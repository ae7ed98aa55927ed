package dev.custody.checker;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.checkerframework.nullaway.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.nullaway.dataflow.cfg.UnderlyingAST;
import org.checkerframework.nullaway.dataflow.cfg.builder.CFGBuilder;

/**
 * What a {@link CheckerPass} sees of javac while it checks one compilation unit: the tree and
 * type utilities, a diagnostics {@link Reporter} per key, and control-flow graphs built with the
 * Checker Framework's dataflow library ({@code org.checkerframework.nullaway.dataflow}, the
 * shaded package of {@code dataflow-nullaway}).
 *
 * <p>CFGs are cached per method, lambda or initializer tree for the current compilation unit, so
 * several passes that analyse the same method pay for its graph once (about 10 ms per method the
 * first time the library runs, much less afterwards).
 *
 * <p>Not thread-safe: javac calls the plugin on one thread.
 */
public final class CheckerContext {
  private final Trees trees;
  private final ProcessingEnvironment env;
  private final CompilationUnitTree unit;
  private final Map<String, ReporterImpl> reporters = new HashMap<>();
  private final Map<Tree, ControlFlowGraph> cfgs = new IdentityHashMap<>();
  private final CheckerStats stats;
  private final boolean wholeProgram;

  CheckerContext(Trees trees, ProcessingEnvironment env, CompilationUnitTree unit, CheckerStats stats) {
    this(trees, env, unit, stats, false);
  }

  CheckerContext(Trees trees, ProcessingEnvironment env, CompilationUnitTree unit, CheckerStats stats,
      boolean wholeProgram) {
    this.trees = trees;
    this.env = env;
    this.unit = unit;
    this.stats = stats;
    this.wholeProgram = wholeProgram;
  }

  /**
   * True if javac attributes and flow-checks every class before it lowers any (its {@code
   * compilePolicy} is {@code simple}, which the plugin selects unless the command line names
   * another): a pass may then keep paths and build CFGs late, in {@link
   * CheckerPass#allAnalyzed()}. False under javac's default {@code byTodo} policy, where each
   * class is lowered right after its {@code ANALYZE} event, so CFGs must be built in {@link
   * CheckerPass#check}.
   */
  public boolean wholeProgramBeforeLowering() {
    return wholeProgram;
  }

  public Trees trees() {
    return trees;
  }

  public Types types() {
    return env.getTypeUtils();
  }

  public Elements elements() {
    return env.getElementUtils();
  }

  /** javac's processing environment, as the dataflow library wants it. */
  public ProcessingEnvironment processingEnv() {
    return env;
  }

  public CompilationUnitTree compilationUnit() {
    return unit;
  }

  /** The reporter for diagnostics whose messages start with {@code [key]}. */
  public Reporter reporter(String key) {
    return reporters.computeIfAbsent(key, k -> new ReporterImpl(k, trees, unit));
  }

  /** The path from the compilation unit to {@code tree}; null if the tree is not in this unit. */
  public TreePath pathOf(Tree tree) {
    return TreePath.getPath(unit, tree);
  }

  /** The 1-based source line where {@code tree} starts. */
  public long lineOf(Tree tree) {
    SourcePositions pos = trees.getSourcePositions();
    long start = pos.getStartPosition(unit, tree);
    return start < 0 ? -1 : unit.getLineMap().getLineNumber(start);
  }

  /**
   * The control-flow graph of the method, lambda or initializer block at the leaf of {@code
   * path}. Nested lambdas and classes are not part of it (they get their own graphs); they appear
   * as {@code FunctionalInterfaceNode}, {@code ObjectCreationNode} with a class body, or {@code
   * ClassDeclarationNode}.
   *
   * @throws IllegalArgumentException if the leaf is none of those, or is an abstract or native
   *     method
   */
  public ControlFlowGraph cfg(TreePath path) {
    Tree leaf = path.getLeaf();
    ControlFlowGraph cached = cfgs.get(leaf);
    if (cached != null) {
      return cached;
    }
    UnderlyingAST ast;
    TreePath bodyPath;
    ClassTree enclosingClass = enclosing(path, ClassTree.class);
    if (leaf instanceof MethodTree m) {
      if (m.getBody() == null) {
        throw new IllegalArgumentException("method " + m.getName() + " has no body");
      }
      ast = new UnderlyingAST.CFGMethod(m, enclosingClass);
      bodyPath = new TreePath(path, m.getBody());
    } else if (leaf instanceof LambdaExpressionTree l) {
      ast = new UnderlyingAST.CFGLambda(l, enclosingClass, enclosing(path, MethodTree.class));
      bodyPath = new TreePath(path, l.getBody());
    } else if (leaf instanceof BlockTree && path.getParentPath().getLeaf() instanceof ClassTree c) {
      ast = new UnderlyingAST.CFGStatement(leaf, c);
      bodyPath = path;
    } else {
      throw new IllegalArgumentException(
          "no control-flow graph for a " + leaf.getKind() + " at line " + lineOf(leaf));
    }
    long start = System.nanoTime();
    ControlFlowGraph cfg = CFGBuilder.build(bodyPath, ast, false, false, env);
    stats.cfgBuilt(System.nanoTime() - start);
    cfgs.put(leaf, cfg);
    return cfg;
  }

  /** The nearest enclosing tree of the given type strictly above the leaf, or null. */
  public static <T extends Tree> T enclosing(TreePath path, Class<T> type) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      if (type.isInstance(p.getLeaf())) {
        return type.cast(p.getLeaf());
      }
    }
    return null;
  }
}
