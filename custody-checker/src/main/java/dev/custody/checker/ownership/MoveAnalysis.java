package dev.custody.checker.ownership;

import com.sun.source.tree.Tree;
import dev.custody.checker.CheckerContext;
import dev.custody.checker.Reporter;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.nullaway.dataflow.analysis.ForwardAnalysisImpl;
import org.checkerframework.nullaway.dataflow.analysis.ForwardTransferFunction;
import org.checkerframework.nullaway.dataflow.analysis.RegularTransferResult;
import org.checkerframework.nullaway.dataflow.analysis.TransferInput;
import org.checkerframework.nullaway.dataflow.analysis.TransferResult;
import org.checkerframework.nullaway.dataflow.cfg.ControlFlowGraph;
import org.checkerframework.nullaway.dataflow.cfg.UnderlyingAST;
import org.checkerframework.nullaway.dataflow.cfg.block.Block;
import org.checkerframework.nullaway.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.nullaway.dataflow.cfg.node.AbstractNodeVisitor;
import org.checkerframework.nullaway.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.nullaway.dataflow.cfg.node.ClassDeclarationNode;
import org.checkerframework.nullaway.dataflow.cfg.node.FunctionalInterfaceNode;
import org.checkerframework.nullaway.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.nullaway.dataflow.cfg.node.Node;
import org.checkerframework.nullaway.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.nullaway.dataflow.cfg.node.VariableDeclarationNode;

/**
 * Use-after-move: a forward may-analysis over one code unit's control-flow graph, run with the
 * Checker Framework's {@link ForwardAnalysisImpl}. The store ({@link MovedStore}) holds the
 * variables that may have moved; a move adds, an assignment or a fresh declaration removes
 * (revives), and merges take the union, so a move in one branch or in an earlier loop iteration
 * reaches every later read. Exceptional edges carry the store after the throwing node, so a
 * value moved into a call that then throws is moved in the handler too.
 *
 * <p>After the fixpoint, one replay over each reachable block reports every read of a variable
 * that may have moved, once per tree (javac's {@code finally} blocks are copied per exit path).
 */
final class MoveAnalysis {
  private final UnitFacts facts;
  private final CheckerContext ctx;
  /** Tree of the offending read -> variable and the lines of the moves that reach it. */
  private final Map<Tree, Map.Entry<VariableElement, SortedSet<Long>>> violations = new LinkedHashMap<>();
  private final Map<Tree, Long> lines = new IdentityHashMap<>();
  private boolean reporting;

  MoveAnalysis(UnitFacts facts, CheckerContext ctx) {
    this.facts = facts;
    this.ctx = ctx;
  }

  void run(ControlFlowGraph cfg, Reporter reporter) {
    Transfer transfer = new Transfer();
    ForwardAnalysisImpl<NoValue, MovedStore, Transfer> analysis = new ForwardAnalysisImpl<>(transfer);
    analysis.performAnalysis(cfg);
    reporting = true;
    for (Block block : cfg.getAllBlocks()) {
      TransferInput<NoValue, MovedStore> in = analysis.getInput(block);
      if (in == null) {
        continue; // unreachable
      }
      MovedStore store = in.getRegularStore();
      for (Node n : block.getNodes()) {
        store = step(n, store);
      }
    }
    for (Map.Entry<Tree, Map.Entry<VariableElement, SortedSet<Long>>> v : violations.entrySet()) {
      SortedSet<Long> at = v.getValue().getValue();
      String where = at.size() == 1
          ? "line " + at.first()
          : "lines " + at.stream().map(String::valueOf).collect(Collectors.joining(", "));
      reporter.error(v.getKey(),
          "use of moved value '" + v.getValue().getKey().getSimpleName() + "' (moved at " + where + ")");
    }
  }

  private long line(Tree t) {
    return lines.computeIfAbsent(t, ctx::lineOf);
  }

  private MovedStore read(VariableElement var, Tree at, MovedStore store) {
    SortedSet<Long> moved = store.movedAt(var);
    if (reporting && moved != null) {
      violations.computeIfAbsent(at, k -> new HashMap.SimpleEntry<>(var, new TreeSet<>()))
          .getValue().addAll(moved);
    }
    return store;
  }

  MovedStore step(Node n, MovedStore store) {
    switch (n) {
      case LocalVariableNode lv -> {
        UnitFacts.TrackedUse u = facts.uses.get(lv.getTree());
        if (u == null || u.use().kind() == Use.Kind.WRITE) {
          return store;
        }
        store = read(u.var(), u.tree(), store);
        return u.use().isMove() ? store.withMove(u.var(), line(u.tree())) : store;
      }
      case AssignmentNode a -> {
        return a.getTarget() instanceof LocalVariableNode lv ? store.revive(lv.getElement()) : store;
      }
      case VariableDeclarationNode d -> {
        VariableElement v = facts.declarations.get(d.getTree());
        return v == null ? store : store.revive(v);
      }
      case FunctionalInterfaceNode f -> {
        return capture(f.getTree(), store);
      }
      case ObjectCreationNode o -> {
        return capture(o.getTree(), store);
      }
      case ClassDeclarationNode c -> {
        return capture(c.getTree(), store);
      }
      default -> {
        return store;
      }
    }
  }

  private MovedStore capture(Tree at, MovedStore store) {
    List<UnitFacts.Capture> caps = facts.captures.get(at);
    if (caps == null) {
      return store;
    }
    for (UnitFacts.Capture c : caps) {
      store = read(c.var(), c.firstReference(), store).withMove(c.var(), line(at));
    }
    return store;
  }

  private final class Transfer
      extends AbstractNodeVisitor<TransferResult<NoValue, MovedStore>, TransferInput<NoValue, MovedStore>>
      implements ForwardTransferFunction<NoValue, MovedStore> {

    @Override
    public MovedStore initialStore(UnderlyingAST ast, List<LocalVariableNode> params) {
      return MovedStore.EMPTY;
    }

    @Override
    public TransferResult<NoValue, MovedStore> visitNode(Node n, TransferInput<NoValue, MovedStore> in) {
      MovedStore before = in.getRegularStore();
      MovedStore after = step(n, before);
      if (after != before && n.getBlock() instanceof ExceptionBlock eb) {
        Map<TypeMirror, MovedStore> exceptional = new HashMap<>();
        for (TypeMirror cause : eb.getExceptionalSuccessors().keySet()) {
          exceptional.put(cause, after);
        }
        return new RegularTransferResult<>(null, after, exceptional);
      }
      return new RegularTransferResult<>(null, after);
    }
  }
}
