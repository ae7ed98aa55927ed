package dev.custody.checker.ifc;

import dev.custody.checker.CheckerContext;
import com.sun.source.tree.Tree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import org.checkerframework.nullaway.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.nullaway.dataflow.cfg.block.Block;
import org.checkerframework.nullaway.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.nullaway.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.nullaway.dataflow.cfg.block.SingleSuccessorBlock;
import org.checkerframework.nullaway.dataflow.cfg.block.SpecialBlock;
import org.checkerframework.nullaway.dataflow.cfg.node.Node;

/**
 * One analysable body (method, constructor, lambda, initializer block or field initializer) with its control-flow graph
 * and the control dependences derived from post-dominators.
 *
 * <p>A block is control-dependent on a branch block B when it lies on a path from one of B's
 * successors that has not yet reached B's immediate post-dominator, where control rejoins. The
 * analysis raises the pc only inside that region, so code after a secret {@code if} is not
 * tainted, while code after a secret early {@code return} or {@code throw} is (its branch's
 * post-dominator is the method exit).
 *
 * <p>Post-dominance is computed on the CFG with normal edges plus the exceptional edges of
 * {@code throw} statements and of calls to compiled methods that may throw. The exceptional edges
 * of anything else that may throw (library calls above all) count only towards the handlers of
 * this method ({@link #computeControlDependence}). Not thread-safe.
 */
final class MethodBody {
  final String name;
  final ExecutableElement element; // null for lambdas and initializers
  final Tree tree;
  final CheckerContext ctx;
  /** Where the body is; its CFG is built from it on demand ({@link #build()}). */
  final com.sun.source.util.TreePath path;
  /** Null until {@link #build()}: only bodies a label can reach get a CFG (see {@link Program#closure()}). */
  ControlFlowGraph cfg;
  final List<VariableElement> params;
  final boolean linearThis;
  final MethodBody enclosing; // for lambdas: the body that declares them
  /** Found by the tree pre-scan: the body mentions something that can carry a label above bottom. */
  boolean seed;
  /** Found by the tree pre-scan: methods and constructors it calls or references, by symbol. */
  final Set<ExecutableElement> callees = new java.util.LinkedHashSet<>();
  /** Bodies lexically inside this one (lambdas, local and anonymous classes): they read its captured locals. */
  final List<MethodBody> nested = new ArrayList<>();
  final List<Block> blocks = new ArrayList<>();
  final Map<Block, Integer> index = new HashMap<>();
  /** For each block, the branch blocks it is control-dependent on. */
  final Map<Block, List<Block>> controllers = new HashMap<>();
  /** For each branch block, the blocks it controls. */
  final Map<Block, List<Block>> regions = new HashMap<>();

  MethodBody(String name, ExecutableElement element, Tree tree, CheckerContext ctx, com.sun.source.util.TreePath path,
      List<VariableElement> params, boolean linearThis, MethodBody enclosing) {
    this.name = name;
    this.element = element;
    this.tree = tree;
    this.ctx = ctx;
    this.path = path;
    this.params = params;
    this.linearThis = linearThis;
    this.enclosing = enclosing;
  }

  /**
   * Builds (or takes from the context's cache, shared with the ownership pass) the CFG; once per
   * body, however many contexts it is analysed in. Must run before javac lowers the tree.
   */
  void build() {
    if (cfg != null) {
      return;
    }
    if (tree instanceof com.sun.source.tree.VariableTree v
        && path.getParentPath().getLeaf() instanceof com.sun.source.tree.ClassTree c) {
      // A field initializer: the dataflow library builds it as the assignment to the field.
      cfg = org.checkerframework.nullaway.dataflow.cfg.builder.CFGBuilder.build(path,
          new org.checkerframework.nullaway.dataflow.cfg.UnderlyingAST.CFGStatement(v, c), false, false,
          ctx.processingEnv());
    } else {
      cfg = ctx.cfg(path);
    }
    for (Block b : cfg.getDepthFirstOrderedBlocks()) {
      index.put(b, blocks.size());
      blocks.add(b);
    }
  }

  /** Every successor, exceptional ones included: where dataflow facts go. */
  static List<Block> allSuccessors(Block b) {
    List<Block> out = new ArrayList<>();
    if (b instanceof ConditionalBlock c) {
      out.add(c.getThenSuccessor());
      out.add(c.getElseSuccessor());
      return out;
    }
    if (b instanceof SingleSuccessorBlock s && s.getSuccessor() != null) {
      out.add(s.getSuccessor());
    }
    if (b instanceof ExceptionBlock e) {
      for (Set<Block> bs : e.getExceptionalSuccessors().values()) {
        for (Block t : bs) {
          if (!out.contains(t)) {
            out.add(t);
          }
        }
      }
    }
    return out;
  }

  /**
   * Computes post-dominators and control-dependence regions. {@code allEdges} says which nodes'
   * exceptional edges all count ({@code throw}, compiled callees that may throw): for them an
   * exception that leaves the method is a branch, as an early {@code return} is. Every other node
   * that may throw (library calls, compiled callees without {@code throw}, array accesses, ...) is
   * a branch only towards the handlers of this method that catch it (a {@code catch} or {@code
   * finally} in scope): its region is computed on a second graph where the exceptional exit is a
   * dead end, so the handler and the rest of the {@code try} are control-dependent on it up to
   * where they rejoin, but an exception that merely propagates out taints nothing after the call
   * (it is counted in the summary instead, see {@link Summary#escapes()}).
   */
  void computeControlDependence(Predicate<Node> allEdges) {
    computeResumes();
    int n = blocks.size();
    List<List<Integer>> succ = new ArrayList<>();
    List<Integer> handlerBlocks = new ArrayList<>();
    for (Block b : blocks) {
      List<Integer> s = new ArrayList<>();
      if (b instanceof SpecialBlock sb && sb.getSpecialType() != SpecialBlock.SpecialBlockType.ENTRY) {
        s.add(n); // the virtual exit
      } else if (b instanceof ConditionalBlock c) {
        add(s, c.getThenSuccessor());
        add(s, c.getElseSuccessor());
      } else {
        if (b instanceof SingleSuccessorBlock ss && ss.getSuccessor() != null) {
          add(s, ss.getSuccessor());
        }
        if (b instanceof ExceptionBlock e) {
          if (allEdges.test(e.getNode())) {
            for (Set<Block> bs : e.getExceptionalSuccessors().values()) {
              for (Block t : bs) {
                add(s, t);
              }
            }
          } else if (caughtHere(e)) {
            handlerBlocks.add(index.get(b));
          }
        }
      }
      succ.add(s);
    }
    if (succ.stream().anyMatch(s -> s.size() > 1)) {
      BitSet[] pdom = postDominators(succ);
      for (int x = 0; x < n; x++) {
        if (succ.get(x).size() >= 2) {
          addRegion(x, succ, pdom);
        }
      }
    }
    if (handlerBlocks.isEmpty()) {
      return;
    }
    List<List<Integer>> withHandlers = new ArrayList<>();
    for (List<Integer> s : succ) {
      withHandlers.add(new ArrayList<>(s));
    }
    Integer exceptionalExit = index.get(cfg.getExceptionalExitBlock());
    if (exceptionalExit != null) {
      withHandlers.get(exceptionalExit).clear(); // leaving the method is not a branch here
    }
    for (int x : handlerBlocks) {
      ExceptionBlock e = (ExceptionBlock) blocks.get(x);
      for (Set<Block> bs : e.getExceptionalSuccessors().values()) {
        for (Block t : bs) {
          if (t != cfg.getExceptionalExitBlock()) {
            add(withHandlers.get(x), t);
          }
        }
      }
    }
    BitSet[] pdom = postDominators(withHandlers);
    for (int x : handlerBlocks) {
      if (withHandlers.get(x).size() >= 2) {
        addRegion(x, withHandlers, pdom);
      }
    }
  }

  /** Blocks from which the regular exit can be reached: a handler among them resumes the method. */
  private final Set<Block> resumes = new java.util.HashSet<>();

  private void computeResumes() {
    Map<Block, List<Block>> preds = new HashMap<>();
    for (Block b : blocks) {
      for (Block s : allSuccessors(b)) {
        preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
      }
    }
    Deque<Block> work = new ArrayDeque<>();
    work.add(cfg.getRegularExitBlock());
    while (!work.isEmpty()) {
      Block b = work.pop();
      if (resumes.add(b)) {
        work.addAll(preds.getOrDefault(b, List.of()));
      }
    }
  }

  /** True if an exception at {@code e} can reach a handler of this method (catch or finally). */
  boolean caughtHere(ExceptionBlock e) {
    for (Set<Block> bs : e.getExceptionalSuccessors().values()) {
      for (Block t : bs) {
        if (t != cfg.getExceptionalExitBlock()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True if an exception at {@code e} can leave the method: directly, or through a handler that
   * cannot complete normally (a {@code finally} or {@code catch} that rethrows).
   */
  boolean escapes(ExceptionBlock e) {
    for (Set<Block> bs : e.getExceptionalSuccessors().values()) {
      for (Block t : bs) {
        if (!resumes.contains(t)) {
          return true;
        }
      }
    }
    return false;
  }

  private BitSet[] postDominators(List<List<Integer>> succ) {
    int n = blocks.size();
    int exit = n;
    BitSet[] pdom = new BitSet[n + 1];
    for (int i = 0; i < n; i++) {
      pdom[i] = new BitSet(n + 1);
      pdom[i].set(0, n + 1);
    }
    pdom[exit] = new BitSet(n + 1);
    pdom[exit].set(exit);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = n - 1; i >= 0; i--) {
        BitSet next = new BitSet(n + 1);
        next.set(0, n + 1);
        for (int s : succ.get(i)) {
          next.and(pdom[s]);
        }
        next.set(i);
        if (!next.equals(pdom[i])) {
          pdom[i] = next;
          changed = true;
        }
      }
    }
    return pdom;
  }

  /** The blocks on a path from a successor of {@code x} that has not reached x's immediate post-dominator. */
  private void addRegion(int x, List<List<Integer>> succ, BitSet[] pdom) {
    int n = blocks.size();
    int exit = n;
    int ipdom = -1;
    if (pdom[x].cardinality() < n + 1) { // x reaches the exit
      for (int d = pdom[x].nextSetBit(0); d >= 0; d = pdom[x].nextSetBit(d + 1)) {
        if (d != x && (ipdom < 0 || pdom[d].cardinality() > pdom[ipdom].cardinality())) {
          ipdom = d;
        }
      }
    }
    List<Block> region = new ArrayList<>();
    BitSet seen = new BitSet(n + 1);
    Deque<Integer> work = new ArrayDeque<>(succ.get(x));
    while (!work.isEmpty()) {
      int b = work.pop();
      if (b == ipdom || b == exit || seen.get(b)) {
        continue;
      }
      seen.set(b);
      region.add(blocks.get(b));
      work.addAll(succ.get(b));
    }
    Block xb = blocks.get(x);
    regions.put(xb, region);
    for (Block r : region) {
      controllers.computeIfAbsent(r, k -> new ArrayList<>()).add(xb);
    }
  }

  private void add(List<Integer> s, Block b) {
    Integer i = index.get(b);
    if (i != null && !s.contains(i)) {
      s.add(i);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
