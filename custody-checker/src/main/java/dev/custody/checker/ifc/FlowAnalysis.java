package dev.custody.checker.ifc;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import dev.custody.checker.LinearTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import org.checkerframework.nullaway.dataflow.cfg.block.Block;
import org.checkerframework.nullaway.dataflow.cfg.block.ConditionalBlock;
import org.checkerframework.nullaway.dataflow.cfg.block.ExceptionBlock;
import org.checkerframework.nullaway.dataflow.cfg.node.ArrayAccessNode;
import org.checkerframework.nullaway.dataflow.cfg.node.AssignmentNode;
import org.checkerframework.nullaway.dataflow.cfg.node.ClassNameNode;
import org.checkerframework.nullaway.dataflow.cfg.node.FieldAccessNode;
import org.checkerframework.nullaway.dataflow.cfg.node.FunctionalInterfaceNode;
import org.checkerframework.nullaway.dataflow.cfg.node.LambdaResultExpressionNode;
import org.checkerframework.nullaway.dataflow.cfg.node.LocalVariableNode;
import org.checkerframework.nullaway.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.nullaway.dataflow.cfg.node.Node;
import org.checkerframework.nullaway.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.nullaway.dataflow.cfg.node.ReturnNode;
import org.checkerframework.nullaway.dataflow.cfg.node.StringLiteralNode;
import org.checkerframework.nullaway.dataflow.cfg.node.ThisNode;
import org.checkerframework.nullaway.dataflow.cfg.node.ThrowNode;
import org.checkerframework.nullaway.dataflow.cfg.node.ValueLiteralNode;
import org.checkerframework.nullaway.dataflow.cfg.node.VariableDeclarationNode;
import org.checkerframework.nullaway.javacutil.TreeUtils;

/**
 * The abstract interpretation of one body in one calling context: each local holds a label
 * (flow-sensitive), each block runs under a pc that joins the labels of the branches it is
 * control-dependent on, and the result is the body's {@link Summary}.
 *
 * <p>Rules, in the paper's terms: an expression's label is the join of its operands'; assigning
 * to a local gives it the value's label joined with the pc; writing into a <em>linear</em> value
 * (a {@code @Linear} class or {@code Owned}) raises its label from then on (strong update), while
 * writing into an <em>aliasable</em> object must not exceed the label it was declared (or first
 * initialised) with, since other aliases could observe it. Not thread-safe; one use.
 */
final class FlowAnalysis {
  private static final Object THIS = new Object() {
    @Override
    public String toString() {
      return "this";
    }
  };
  /**
   * Pseudo-variable on the exceptional edges into a handler: the label that decided whether the
   * exception was thrown (and of the thrown object, for {@code throw}); the catch parameter gets it.
   */
  private static final Object EXCEPTION = new Object() {
    @Override
    public String toString() {
      return "<exception>";
    }
  };

  private final Program p;
  private final Lattice lat;
  private final Program.Key key;
  private final MethodBody body;
  private final Map<Block, Map<Object, Value>> in = new HashMap<>();
  private final Map<Node, Value> values = new IdentityHashMap<>();
  private final Map<Block, Value> branch = new HashMap<>();
  private final List<Summary.Violation> violations = new ArrayList<>();
  private final Set<String> violationKeys = new HashSet<>();
  private final ArrayDeque<Block> work = new ArrayDeque<>();
  private final Set<Block> queued = new HashSet<>();
  private final Value ctxPc;
  private Value ret;
  private Value thrown;
  /** Labels deciding whether an exception of a library call (or callee) leaves the body. */
  private Value escapes;
  /**
   * Set by the transfer of a node that calls compiled code (itself, or through a method reference
   * it passes): what decides whether that code throws (to raise the handlers' pc) ...
   */
  private Value exRaise;
  /** ... and what decides whether an exception of that code leaves it. */
  private Value exEscape;
  /** True if the node itself is a call with summaries: its operands do not decide whether it throws. */
  private boolean exCompiled;
  /** The block being processed. */
  private Block current;
  private Map<Object, Value> exitState = new HashMap<>();

  FlowAnalysis(Program p, Program.Key key) {
    this.p = p;
    this.lat = p.lattice;
    this.key = key;
    this.body = key.body();
    Value bottom = Value.of(lat.bottom());
    this.ret = bottom;
    this.thrown = bottom;
    this.escapes = bottom;
    Value pc = key.pc() == lat.bottom() ? bottom : new Value(key.pc(), new Origin.ContextPc());
    // A lambda passed to a call runs under the pc of the call and of the data the callee feeds it
    // (whether and how often it runs depends on them: forEach over a secret list, ifPresent).
    this.ctxPc = pc.join(p.lambdaPc.get(body), lat);
  }

  Summary run() {
    Map<Object, Value> init = new HashMap<>();
    init.put(THIS, at(key.in().get(0), new Origin.Param(-1, "this")));
    Value fed = p.lambdaArgs.get(body);
    for (int i = 0; i < body.params.size(); i++) {
      VariableElement param = body.params.get(i);
      int declared = p.declared(param);
      Value v = at(key.in().get(i + 1), new Origin.Param(i, param.getSimpleName().toString()));
      v = v.join(fed, lat); // a lambda's parameters: what the callee it was passed to may feed it
      if (declared >= 0) {
        Value d = at(declared, new Origin.Declared("parameter", param.getSimpleName().toString(), p.line(param)));
        v = p.linear.isLinear(param.asType()) ? d.join(v, lat) : d;
      }
      init.put(param, v);
      p.capture(param, v);
    }
    Block entry = body.cfg.getEntryBlock();
    in.put(entry, init);
    enqueue(entry);
    while (!work.isEmpty()) {
      Block b = work.poll();
      queued.remove(b);
      process(b);
    }
    List<Value> out = new ArrayList<>();
    out.add(exitState.getOrDefault(THIS, Value.of(lat.bottom())));
    for (VariableElement param : body.params) {
      out.add(exitState.getOrDefault(param, Value.of(lat.bottom())));
    }
    if (body.element != null) {
      int declaredRet = p.declared(body.element);
      if (declaredRet >= 0) {
        ret = at(declaredRet, new Origin.Declared("return of", body.name, p.line(body.element)));
      }
    }
    return new Summary(ret, out, thrown, escapes, List.copyOf(violations));
  }

  private Value at(int label, Origin origin) {
    return label == lat.bottom() ? Value.of(label) : new Value(label, origin);
  }

  private void enqueue(Block b) {
    if (b != null && queued.add(b)) {
      work.add(b);
    }
  }

  // ---- blocks -------------------------------------------------------------------------------

  private Value pcOf(Block b) {
    Value pc = ctxPc;
    for (Block c : body.controllers.getOrDefault(b, List.of())) {
      pc = pc.join(branch.get(c), lat);
    }
    return pc;
  }

  private void process(Block b) {
    Map<Object, Value> state = new HashMap<>(in.getOrDefault(b, Map.of()));
    Value pc = pcOf(b);
    if (b instanceof ConditionalBlock) {
      Value cond = pc;
      for (Block pred : b.getPredecessors()) {
        Node last = pred.getLastNode();
        if (last != null) {
          cond = cond.join(values.get(last), lat);
        }
      }
      raiseBranch(b, cond);
    }
    current = b;
    for (Node n : b.getNodes()) {
      exRaise = Value.of(lat.bottom());
      exEscape = Value.of(lat.bottom());
      exCompiled = false;
      Value v = transfer(n, state, pc, b);
      values.put(n, v);
    }
    Map<Object, Value> handlerState = state;
    if (b instanceof ExceptionBlock eb) {
      handlerState = exceptional(eb, state, pc);
    }
    if (b == body.cfg.getRegularExitBlock() || b == body.cfg.getExceptionalExitBlock()) {
      exitState = joinStates(exitState, state);
    }
    for (Block s : MethodBody.allSuccessors(b)) {
      Map<Object, Value> st = b instanceof ExceptionBlock eb && s != eb.getSuccessor() ? handlerState : state;
      Map<Object, Value> old = in.get(s);
      Map<Object, Value> merged = old == null ? st : joinStates(old, st);
      if (old == null || !sameLabels(old, merged)) {
        in.put(s, merged);
        enqueue(s);
      }
    }
  }

  /**
   * Exceptions as implicit flows. Whether the node of {@code eb} throws depends on its operands
   * (for a library call: receiver and arguments; for a compiled callee: the pc its summary throws
   * under and what decides its own escaping exceptions). If a handler of this body may catch it,
   * the block is a branch towards the handler ({@link MethodBody#computeControlDependence}) raised
   * by that label; if the exception may leave the body, the label joins the summary's escapes.
   * The state on the exceptional edges carries the label to the catch parameter.
   */
  private Map<Object, Value> exceptional(ExceptionBlock eb, Map<Object, Value> state, Value pc) {
    Node n = eb.getNode();
    if (n instanceof ThrowNode t) {
      // The existing rule: control dependence on the branches around the throw; the thrown
      // object's label goes to the catch parameter.
      Value obj = val(t.getExpression()).join(pc, lat);
      return body.caughtHere(eb) ? withException(state, obj) : state;
    }
    Value operands = Value.of(lat.bottom());
    if (!exCompiled) {
      for (Node o : n.getOperands()) {
        operands = operands.join(val(o), lat);
      }
    }
    Value raise = operands.join(exRaise, lat).join(pc, lat);
    Value escape = operands.join(exEscape, lat).join(pc, lat);
    if (body.regions.containsKey(eb)) {
      raiseBranch(eb, raise);
    }
    if (body.escapes(eb)) {
      escapes = escapes.join(escape, lat);
    }
    return body.caughtHere(eb) ? withException(state, raise) : state;
  }

  private Map<Object, Value> withException(Map<Object, Value> state, Value v) {
    Map<Object, Value> out = new HashMap<>(state);
    out.merge(EXCEPTION, v, (x, y) -> x.join(y, lat));
    return out;
  }

  private void raiseBranch(Block b, Value v) {
    Value old = branch.get(b);
    Value next = old == null ? v : old.join(v, lat);
    if (old == null || old.label() != next.label()) {
      branch.put(b, next);
      if (next.label() != lat.bottom()) {
        for (Block r : body.regions.getOrDefault(b, List.of())) {
          if (in.containsKey(r)) {
            enqueue(r);
          }
        }
      }
    }
  }

  private Map<Object, Value> joinStates(Map<Object, Value> a, Map<Object, Value> b) {
    Map<Object, Value> out = new HashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, (x, y) -> x.join(y, lat)));
    return out;
  }

  private static boolean sameLabels(Map<Object, Value> a, Map<Object, Value> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (var e : a.entrySet()) {
      Value o = b.get(e.getKey());
      if (o == null || o.label() != e.getValue().label()) {
        return false;
      }
    }
    return true;
  }

  // ---- nodes --------------------------------------------------------------------------------

  private Value val(Node n) {
    Value v = n == null ? null : values.get(n);
    return v == null ? Value.of(lat.bottom()) : v;
  }

  private Value transfer(Node n, Map<Object, Value> state, Value pc, Block block) {
    Value bottom = Value.of(lat.bottom());
    switch (n) {
      case LocalVariableNode l -> {
        VariableElement e = l.getElement();
        Value v = state.get(e);
        if (v == null) {
          v = p.captured.get(e);
        }
        return v == null ? bottom : v;
      }
      case ThisNode t -> {
        return state.getOrDefault(THIS, bottom);
      }
      case ValueLiteralNode lit -> {
        return bottom;
      }
      case ClassNameNode c -> {
        return bottom;
      }
      case FunctionalInterfaceNode f -> {
        return functionalValue(f);
      }
      case VariableDeclarationNode d -> {
        Element e = TreeUtils.elementFromDeclaration(d.getTree());
        if (e != null && e.getKind() == ElementKind.EXCEPTION_PARAMETER) {
          // The catch parameter: the label that decided the exception was thrown (and the
          // thrown object's, for a throw in this body), and the handler's pc.
          Value v = state.getOrDefault(EXCEPTION, bottom).join(pc, lat);
          state.remove(EXCEPTION);
          state.put(e, v);
          p.capture(e, v);
          return bottom;
        }
        int declared = p.declared(e);
        if (declared >= 0) {
          Value v = at(declared, new Origin.Declared("variable", d.getName(), p.line(e)));
          state.put(e, v);
          p.capture(e, v);
        }
        return bottom;
      }
      case FieldAccessNode f -> {
        return readField(f);
      }
      case ArrayAccessNode a -> {
        return val(a.getArray()).join(val(a.getIndex()), lat);
      }
      case AssignmentNode a -> {
        Value v = val(a.getExpression()).join(pc, lat);
        assign(a, a.getTarget(), v, state, pc);
        if (a.getTarget() instanceof LocalVariableNode l && a.getExpression() instanceof FunctionalInterfaceNode f) {
          p.holdFunction(l.getElement(), f.getTree()); // a call through the local feeds it
        }
        return v;
      }
      case MethodInvocationNode mi -> {
        return call(mi, state, pc, block);
      }
      case ObjectCreationNode oc -> {
        return construct(oc, state, pc, block);
      }
      case ReturnNode r -> {
        Value v = val(r.getResult()).join(pc, lat);
        ret = ret.join(v, lat);
        checkDeclaredReturn(r, v);
        return bottom;
      }
      case LambdaResultExpressionNode r -> {
        if (r.getResult() != null && r.getResult().getType().getKind() != TypeKind.VOID) {
          ret = ret.join(val(r.getResult()).join(pc, lat), lat);
        }
        return bottom;
      }
      case ThrowNode t -> {
        thrown = thrown.join(pc, lat);
        return bottom;
      }
      default -> {
        Value v = bottom;
        for (Node o : n.getOperands()) {
          v = v.join(val(o), lat);
        }
        return v;
      }
    }
  }

  private Value readField(FieldAccessNode f) {
    VariableElement e = f.getElement();
    int d = p.declared(e);
    Value v = d < 0 ? Value.of(lat.bottom()) : at(d, new Origin.Declared("field", qualified(e), p.line(e)));
    Node recv = f.getReceiver();
    if (!f.isStatic() && recv != null && (ownedBy(recv) || recv.getType().getKind() == TypeKind.ARRAY)) {
      v = v.join(val(recv), lat);
    }
    return v;
  }

  /** True if the object {@code n} denotes is linear: its fields are part of one owned value. */
  private boolean ownedBy(Node n) {
    if (n instanceof ThisNode) {
      return body.linearThis;
    }
    return p.linear.isLinear(n.getType());
  }

  private void assign(Node at, Node target, Value v, Map<Object, Value> state, Value pc) {
    switch (target) {
      case LocalVariableNode l -> {
        VariableElement e = l.getElement();
        int declared = p.declared(e);
        Value d = declared < 0 ? null : at(declared, new Origin.Declared("variable", l.getName(), p.line(e)));
        if (p.linear.isLinear(e.asType())) {
          state.put(e, d == null ? v : d.join(v, lat));
        } else if (d != null) {
          if (!lat.leq(v.label(), declared)) {
            violation(at, "value assigned to " + lat.name(declared) + " variable '" + l.getName() + "'", v);
          }
          state.put(e, d);
        } else {
          state.put(e, v);
        }
        p.capture(e, state.get(e));
      }
      case FieldAccessNode f -> {
        Node recv = f.getReceiver();
        if (!f.isStatic() && recv != null && ownedBy(recv)) {
          writeInto(at, recv, v, state, "field '" + f.getFieldName() + "'");
        } else {
          int d = p.declared(f.getElement());
          int bound = d < 0 ? lat.bottom() : d;
          if (!lat.leq(v.label(), bound)) {
            violation(at, "value written into " + lat.name(bound) + " field '" + qualified(f.getElement()) + "'", v);
          }
        }
      }
      case ArrayAccessNode a -> writeInto(at, a.getArray(), v.join(val(a.getIndex()), lat), state, "array element");
      default -> {}
    }
  }

  /**
   * A write of {@code v} into the object {@code obj} denotes: a strong update when the object is
   * (owned by) a linear local or receiver, else a check against the object's fixed label.
   */
  private void writeInto(Node at, Node obj, Value v, Map<Object, Value> state, String what) {
    Value bottom = Value.of(lat.bottom());
    switch (obj) {
      case LocalVariableNode l -> {
        VariableElement e = l.getElement();
        Value cur = state.getOrDefault(e, p.captured.getOrDefault(e, bottom));
        if (p.linear.isLinear(e.asType())) {
          state.put(e, cur.join(v, lat));
        } else if (!lat.leq(v.label(), cur.label())) {
          violation(at, "value written into " + lat.name(cur.label()) + " object '" + l.getName() + "' (" + what + ")", v);
        }
      }
      case ThisNode t -> {
        Value cur = state.getOrDefault(THIS, bottom);
        if (body.linearThis) {
          state.put(THIS, cur.join(v, lat));
        } else if (!lat.leq(v.label(), cur.label())) {
          violation(at, "value written into " + lat.name(cur.label()) + " object 'this' (" + what + ")", v);
        }
      }
      case FieldAccessNode f when !f.isStatic() && f.getReceiver() != null && ownedBy(f.getReceiver()) ->
          writeInto(at, f.getReceiver(), v, state, what);
      case FieldAccessNode f -> {
        int d = p.declared(f.getElement());
        int bound = d < 0 ? lat.bottom() : d;
        if (!lat.leq(v.label(), bound)) {
          violation(at, "value written into " + lat.name(bound) + " field '" + qualified(f.getElement()) + "' (" + what + ")", v);
        }
      }
      case ArrayAccessNode a -> writeInto(at, a.getArray(), v, state, what);
      // What an accessor of a linear value returns (Owned.get()) is part of that value.
      case MethodInvocationNode mi when mi.getTarget().getReceiver() != null
          && !(mi.getTarget().getReceiver() instanceof ClassNameNode)
          && ownedBy(mi.getTarget().getReceiver()) ->
          writeInto(at, mi.getTarget().getReceiver(), v, state, what);
      default -> {
        Value cur = val(obj);
        if (!lat.leq(v.label(), cur.label()) && !p.linear.isLinear(obj.getType())) {
          violation(at, "value written into " + lat.name(cur.label()) + " object (" + what + ")", v);
        }
      }
    }
  }

  private void checkDeclaredReturn(ReturnNode r, Value v) {
    if (body.element == null) {
      return;
    }
    int d = p.declared(body.element);
    if (d >= 0 && !lat.leq(v.label(), d)) {
      violation(r, "value returned from " + body.name + ", declared " + lat.name(d), v);
    }
  }

  // ---- calls --------------------------------------------------------------------------------

  private Value call(MethodInvocationNode mi, Map<Object, Value> state, Value pc, Block block) {
    ExecutableElement m = mi.getTarget().getMethod();
    boolean isStatic = m.getModifiers().contains(Modifier.STATIC);
    Node recv = isStatic ? null : mi.getTarget().getReceiver();
    List<Node> args = mi.getArguments();
    if (Signatures.owner(m).equals("dev.custody.ifc.Declassify") && m.getSimpleName().contentEquals("to")) {
      exCompiled = true; // whether it throws does not depend on the value declassified
      return declassify(mi, args);
    }
    TypeMirror recvType = recv == null ? null : recv.getType();
    String channel = recvType == null ? null : JdkModels.channel(m, recvType, p.types);
    boolean sinkChecked = checkChannels(mi, m, values(args), pc, channel);
    Value fromFunctions = feedFunctions(mi, recv, args, state, pc);
    List<MethodBody> targets = p.targets(m, !isStatic && !(recv instanceof ThisNode t && isSuper(mi)));
    Value result;
    if (!targets.isEmpty()) {
      result = applySummaries(mi, targets, argValues(recv, args), recv, args, state, pc, true).join(fromFunctions, lat);
    } else {
      result = Value.of(lat.bottom());
      if (recv != null) {
        result = result.join(val(recv), lat);
      }
      Value argsJoin = Value.of(lat.bottom());
      for (Node a : args) {
        argsJoin = argsJoin.join(val(a), lat);
      }
      result = result.join(argsJoin, lat).join(fromFunctions, lat);
      if (!sinkChecked && channel == null) {
        int target = isStatic ? JdkModels.staticWriteTarget(m) : -1;
        if (target >= 0 && target < args.size()) {
          Value written = pc;
          for (int i = 0; i < args.size(); i++) {
            written = i == target ? written : written.join(val(args.get(i)), lat);
          }
          writeInto(mi, args.get(target), written, state, simpleName(m));
        } else if (recv != null && !(recv instanceof ClassNameNode)
            && !JdkModels.readOnly(m, recvType, p.types)) {
          writeInto(mi, recv, argsJoin.join(pc, lat), state, simpleName(m));
        }
      }
    }
    int declaredRet = p.declared(m);
    if (declaredRet >= 0) {
      result = at(declaredRet, new Origin.Declared("return of", simpleName(m), p.line(m)));
    }
    int src = p.policy.isEmpty() ? -1 : p.policy.source(m, 0, lat, p.types, p.elements);
    if (src >= 0) {
      result = result.join(at(src, new Origin.Declared("policy source", simpleName(m), line(mi))), lat);
    }
    return result;
  }

  private static boolean isSuper(MethodInvocationNode mi) {
    return mi.getTree() != null && mi.getTree().getMethodSelect().toString().startsWith("super.");
  }

  private Value construct(ObjectCreationNode oc, Map<Object, Value> state, Value pc, Block block) {
    ExecutableElement ctor = TreeUtils.elementFromUse(oc.getTree());
    List<Node> args = oc.getArguments();
    checkChannels(oc, ctor, values(args), pc, null);
    Value fromFunctions = feedFunctions(oc, null, args, state, pc);
    List<MethodBody> targets = ctor == null ? List.of() : p.targets(ctor, false);
    if (!targets.isEmpty()) {
      applySummaries(oc, targets, argValues(null, args), null, args, state, pc, true);
      return lastOut.get(0).join(fromFunctions, lat);
    }
    Value v = fromFunctions;
    for (Node a : args) {
      v = v.join(val(a), lat);
    }
    return v;
  }

  /** Checks channel bounds on the arguments; true if the method is a sink. */
  private boolean checkChannels(Node call, ExecutableElement m, List<Value> args, Value pc, String defaultChannel) {
    if (m == null) {
      return false;
    }
    boolean sink = defaultChannel != null;
    List<? extends VariableElement> params = m.getParameters();
    for (int i = 0; i < args.size() && !params.isEmpty(); i++) {
      VariableElement param = params.get(Math.min(i, params.size() - 1));
      int bound = p.channel(param);
      int policy = p.policy.isEmpty() ? -1 : p.policy.sink(m, Math.min(i, params.size() - 1) + 1, lat, p.types, p.elements);
      if (policy >= 0) {
        bound = bound < 0 ? policy : meet(bound, policy);
      }
      if (bound < 0 && defaultChannel != null) {
        bound = lat.bottom();
      }
      if (bound < 0) {
        continue;
      }
      sink = true;
      Value v = args.get(i).join(pc, lat);
      if (!lat.leq(v.label(), bound)) {
        String name = defaultChannel != null ? defaultChannel : simpleName(m);
        violation(call, "value reaches " + lat.name(bound) + " channel " + name, v);
      }
    }
    if (args.isEmpty() && defaultChannel != null && !lat.leq(pc.label(), lat.bottom())) {
      violation(call, "value reaches " + lat.name(lat.bottom()) + " channel " + defaultChannel, pc);
    }
    return sink;
  }

  /** The greatest label below both (exists in a finite lattice with bottom). */
  private int meet(int a, int b) {
    int best = lat.bottom();
    for (int c = 0; c < lat.names().size(); c++) {
      if (lat.leq(c, a) && lat.leq(c, b) && lat.leq(best, c)) {
        best = c;
      }
    }
    return best;
  }

  private List<Value> lastOut = List.of();

  private List<Value> values(List<Node> nodes) {
    List<Value> out = new ArrayList<>();
    for (Node n : nodes) {
      out.add(val(n));
    }
    return out;
  }

  /** Receiver (bottom when static) then arguments. */
  private List<Value> argValues(Node recv, List<Node> args) {
    List<Value> out = new ArrayList<>();
    out.add(recv == null ? Value.of(lat.bottom()) : val(recv));
    out.addAll(values(args));
    return out;
  }

  /**
   * Applies the summaries of {@code targets} to {@code argVals} (receiver, then arguments). {@code
   * recv} and {@code args} are the nodes that take the callee's effects (strong updates of the
   * receiver and of borrowed linear arguments); either may be null or shorter.
   */
  private Value applySummaries(Node call, List<MethodBody> targets, List<Value> argVals, Node recv, List<Node> args,
      Map<Object, Value> state, Value pc, boolean direct) {
    Value result = Value.of(lat.bottom());
    if (args != null) {
      // Functions passed to a compiled callee: its parameter holds them (it may call them).
      for (int i = 0; i < args.size(); i++) {
        List<Tree> fns = new ArrayList<>();
        functionsOf(args.get(i), fns, new ArrayList<>());
        for (MethodBody t : targets) {
          for (Tree fn : fns) {
            if (i < t.params.size()) {
              p.holdFunction(t.params.get(i), fn);
            }
          }
        }
      }
    }
    Value throwsUnder = Value.of(lat.bottom());
    Value escapesUnder = Value.of(lat.bottom());
    List<Value> outs = new ArrayList<>();
    for (MethodBody t : targets) {
      List<Integer> inLabels = new ArrayList<>();
      inLabels.add(argVals.get(0).label());
      for (int i = 0; i < t.params.size(); i++) {
        Value a = i + 1 < argVals.size() ? argVals.get(i + 1) : Value.of(lat.bottom());
        if (i == t.params.size() - 1 && t.element != null && t.element.isVarArgs()) {
          for (int j = i + 2; j < argVals.size(); j++) {
            a = a.join(argVals.get(j), lat);
          }
        }
        VariableElement param = t.params.get(i);
        int declared = p.declared(param);
        if (declared >= 0 && !p.linear.isLinear(param.asType()) && !lat.leq(a.join(pc, lat).label(), declared)) {
          violation(call, "value passed to " + lat.name(declared) + " parameter '" + param.getSimpleName() + "' of " + t.name,
              a.join(pc, lat));
        }
        int bound = p.channel(param);
        // A channel parameter never holds more than it accepts: a violation was reported here already.
        inLabels.add(bound < 0 ? a.label() : meet(a.label(), bound));
      }
      Summary s = p.request(key, new Program.Key(t, List.copyOf(inLabels), pc.label()));
      result = result.join(translate(s.ret(), argVals, pc), lat);
      throwsUnder = throwsUnder.join(translate(s.thrown(), argVals, pc), lat);
      escapesUnder = escapesUnder.join(translate(s.escapes(), argVals, pc), lat);
      for (int i = 0; i < s.out().size(); i++) {
        Value o = translate(s.out().get(i), argVals, pc);
        if (outs.size() <= i) {
          outs.add(o);
        } else {
          outs.set(i, outs.get(i).join(o, lat));
        }
      }
      for (Summary.Violation v : s.violations()) {
        if (v.contextDependent()) {
          violation(call, v.text() + " in " + t.name + " (line " + v.ctx().lineOf(v.at()) + ")",
              translate(v.value(), argVals, pc));
        }
      }
    }
    lastOut = outs;
    thrown = thrown.join(throwsUnder, lat);
    // See exceptional(): its handlers run under what decides whether it throws. A callee's
    // escaping library exceptions count only where caught here (they are no branch otherwise).
    boolean caught = current instanceof ExceptionBlock eb && body.caughtHere(eb);
    exRaise = exRaise.join(throwsUnder, lat).join(caught ? escapesUnder : null, lat);
    exEscape = exEscape.join(escapesUnder, lat);
    exCompiled |= direct;
    // Effects: the receiver, and borrowed linear arguments, leave the call with the callee's exit labels.
    if (recv != null && !outs.isEmpty() && !lat.leq(outs.get(0).label(), argVals.get(0).label())) {
      writeInto(call, recv, outs.get(0), state, "call of " + targets.get(0).name);
    }
    MethodBody first = targets.get(0);
    for (int i = 0; args != null && i < args.size() && i < first.params.size(); i++) {
      VariableElement param = first.params.get(i);
      if (LinearTypes.isBorrowed(param) && p.linear.isLinear(param.asType())
          && i + 1 < outs.size() && !lat.leq(outs.get(i + 1).label(), argVals.get(i + 1).label())) {
        writeInto(call, args.get(i), outs.get(i + 1), state, "call of " + first.name);
      }
    }
    return result;
  }

  // ---- lambdas and method references ------------------------------------------------------

  /**
   * A lambda's value is what it returns (its summary's result label: the result of a library call
   * it is passed to, or of calling it through a variable, may be it); a bound method reference's
   * is its receiver's.
   */
  private Value functionalValue(FunctionalInterfaceNode f) {
    Value bottom = Value.of(lat.bottom());
    if (f.getTree() instanceof LambdaExpressionTree) {
      MethodBody l = p.lambdas.get(f.getTree());
      return l == null ? bottom : p.request(key, p.entryKey(l)).ret();
    }
    if (f.getTree() instanceof MemberReferenceTree mr && !typeQualified(mr)) {
      Node q = qualifierNode(mr);
      return q == null ? bottom : val(q);
    }
    return bottom;
  }

  /**
   * Lambdas and method references passed to a call: the callee may call them with any of the data
   * it holds, so each of their parameters gets the join of the call's receiver and arguments (the
   * functions' own results included: fold-like callees such as {@code reduce} or {@code
   * Stream.iterate} feed them back), and a lambda's body runs under the call's pc joined with
   * that (whether and how often it runs depends on the data). A lambda is analysed once for all
   * the calls it is passed to ({@link Program#feed}); a method reference is applied here, as a
   * call of its method with those arguments. Returns the join of the method references' results
   * (the lambdas' results are their values, already among the arguments).
   */
  private Value feedFunctions(Node call, Node recv, List<Node> args, Map<Object, Value> state, Value pc) {
    Value result = Value.of(lat.bottom());
    // The functions passed: written at the call, or held by a local (Consumer<String> c = ...).
    List<Tree> passed = new ArrayList<>();
    List<Value> holders = new ArrayList<>();
    for (Node a : args) {
      functionsOf(a, passed, holders);
    }
    // Calling a local that holds functions (c.accept(x)) calls them with the arguments.
    List<Tree> called = new ArrayList<>();
    List<Value> calledHolders = new ArrayList<>();
    if (recv instanceof LocalVariableNode && call instanceof MethodInvocationNode mi
        && mi.getTarget().getMethod().getModifiers().contains(Modifier.ABSTRACT)) {
      functionsOf(recv, called, calledHolders);
    }
    if (passed.isEmpty() && called.isEmpty()) {
      return result;
    }
    Value argsJoin = Value.of(lat.bottom());
    for (Node a : args) {
      argsJoin = argsJoin.join(val(a), lat);
    }
    Value feed = recv == null ? argsJoin : argsJoin.join(val(recv), lat);
    for (int i = 0; i < passed.size(); i++) {
      result = result.join(feedFunction(call, passed.get(i), holders.get(i), feed, pc, state), lat);
    }
    for (int i = 0; i < called.size(); i++) {
      result = result.join(feedFunction(call, called.get(i), calledHolders.get(i), argsJoin, pc, state), lat);
    }
    return result;
  }

  /** The lambdas and method references {@code n} denotes: itself, or those a local was given. */
  private void functionsOf(Node n, List<Tree> out, List<Value> holders) {
    if (n instanceof FunctionalInterfaceNode f) {
      out.add(f.getTree());
      holders.add(null);
    } else if (n instanceof LocalVariableNode l) {
      for (Tree t : p.functionsHeldBy(l.getElement())) {
        out.add(t);
        holders.add(val(l));
      }
    }
  }

  /**
   * {@code fn} may be called with {@code feed} for each argument, under {@code pc} joined with it;
   * {@code holder} is the label of the local it came through (null: written at the call).
   */
  private Value feedFunction(Node call, Tree fn, Value holder, Value feed, Value pc, Map<Object, Value> state) {
    if (fn instanceof LambdaExpressionTree) {
      MethodBody l = p.lambdas.get(fn);
      if (l == null) {
        return Value.of(lat.bottom());
      }
      Value passed = feed.join(pc, lat);
      for (VariableElement param : l.params) {
        int d = p.declared(param);
        if (d >= 0 && !p.linear.isLinear(param.asType()) && !lat.leq(passed.label(), d)) {
          violation(call, "value passed to " + lat.name(d) + " parameter '" + param.getSimpleName() + "' of " + l.name, passed);
        }
      }
      p.feed(l, feed, passed);
      // The callee may throw what the lambda throws (see exceptional()).
      Summary ls = p.request(key, p.entryKey(l));
      Value throwsUnder = ls.thrown().join(ls.escapes(), lat);
      exRaise = exRaise.join(throwsUnder, lat);
      exEscape = exEscape.join(throwsUnder, lat);
      return Value.of(lat.bottom()); // its result is its value, already among the call's inputs
    }
    if (fn instanceof MemberReferenceTree mr) {
      return invokeReference(call, mr, feed, pc, state, holder);
    }
    return Value.of(lat.bottom());
  }

  /** A method reference called by the callee it is passed to, with {@code feed} for every argument. */
  private Value invokeReference(Node call, MemberReferenceTree mr, Value feed, Value pc, Map<Object, Value> state,
      Value holder) {
    Value bottom = Value.of(lat.bottom());
    ExecutableElement m = TreeUtils.elementFromUse(mr);
    if (m == null) {
      return bottom;
    }
    boolean isStatic = m.getModifiers().contains(Modifier.STATIC);
    boolean ctor = m.getKind() == ElementKind.CONSTRUCTOR;
    boolean bound = !isStatic && !ctor && !typeQualified(mr);
    // Held by a local: its qualifier was evaluated in the body that created it, and the local's
    // label is the qualifier's (a bound reference's value).
    Node q = bound && holder == null ? qualifierNode(mr) : null;
    // Unbound (String::length): the receiver is the first argument, so it is fed too.
    Value recvVal = bound ? (q != null ? val(q) : holder != null ? holder : bottom) : (!isStatic && !ctor ? feed : bottom);
    List<Value> params = new ArrayList<>();
    for (int i = 0; i < m.getParameters().size(); i++) {
      params.add(feed);
    }
    TypeMirror recvType = isStatic || ctor ? null
        : bound && q != null ? q.getType()
        : bound ? TreeUtils.typeOf(mr.getQualifierExpression())
        : m.getEnclosingElement().asType();
    String channel = recvType == null ? null : JdkModels.channel(m, recvType, p.types);
    boolean sink = checkChannels(call, m, params, pc, channel);
    List<MethodBody> targets = p.targets(m, !isStatic && !ctor);
    Value result;
    if (!targets.isEmpty()) {
      List<Value> argVals = new ArrayList<>();
      argVals.add(recvVal);
      argVals.addAll(params);
      result = applySummaries(call, targets, argVals, q, null, state, pc, false);
      if (ctor) {
        result = lastOut.get(0);
      }
    } else {
      result = recvVal.join(feed, lat);
      if (!sink && channel == null && q != null && !(q instanceof ClassNameNode)
          && !JdkModels.readOnly(m, recvType, p.types)) {
        writeInto(call, q, feed.join(pc, lat), state, simpleName(m));
      }
    }
    int declaredRet = p.declared(m);
    if (declaredRet >= 0) {
      result = at(declaredRet, new Origin.Declared("return of", simpleName(m), p.line(m)));
    }
    int src = p.policy.isEmpty() ? -1 : p.policy.source(m, 0, lat, p.types, p.elements);
    if (src >= 0) {
      result = result.join(at(src, new Origin.Declared("policy source", simpleName(m), line(call))), lat);
    }
    return result;
  }

  /** {@code Type::method}: the qualifier names a type, not a receiver. */
  private static boolean typeQualified(MemberReferenceTree mr) {
    ExpressionTree q = mr.getQualifierExpression();
    if (TreeUtils.isTypeTree(q)) {
      return true;
    }
    if (q instanceof IdentifierTree || q instanceof MemberSelectTree) {
      try {
        return TreeUtils.elementFromTree(q) instanceof TypeElement;
      } catch (RuntimeException e) {
        return false;
      }
    }
    return false;
  }

  private Node qualifierNode(MemberReferenceTree mr) {
    java.util.Set<Node> ns = body.cfg.getNodesCorrespondingToTree(mr.getQualifierExpression());
    return ns == null || ns.isEmpty() ? null : ns.iterator().next();
  }

  /** Rewrites a callee's context-dependent origins with the caller's. */
  private Value translate(Value v, List<Value> argVals, Value pc) {
    if (v.origin() instanceof Origin.Param param) {
      int i = param.index() + 1;
      Origin o = i < argVals.size() ? argVals.get(i).origin() : null;
      return new Value(v.label(), o != null ? o : v.origin());
    }
    if (v.origin() instanceof Origin.ContextPc) {
      return new Value(v.label(), pc.origin() != null ? pc.origin() : v.origin());
    }
    return v;
  }

  private Value declassify(MethodInvocationNode mi, List<Node> args) {
    if (args.size() != 2 || !(args.get(0) instanceof StringLiteralNode s)) {
      return val(args.isEmpty() ? null : args.get(args.size() - 1));
    }
    int target = lat.index(s.getValue());
    if (target < 0) {
      return val(args.get(1));
    }
    return at(target, new Origin.Declared("declassification to '" + s.getValue() + "'", mi.getTree().toString(), line(mi)));
  }

  // ---- reporting ----------------------------------------------------------------------------

  private void violation(Node at, String text, Value v) {
    Tree tree = at.getTree();
    if (tree == null) {
      return;
    }
    if (tree == body.tree && tree instanceof com.sun.source.tree.VariableTree field && field.getInitializer() != null) {
      tree = field.getInitializer(); // a field initializer: report at the expression, not the annotations
    }
    String k = System.identityHashCode(tree) + ":" + text;
    if (violationKeys.add(k)) {
      violations.add(new Summary.Violation(tree, body.ctx, text, v));
    } else {
      for (int i = 0; i < violations.size(); i++) {
        Summary.Violation old = violations.get(i);
        if (old.at() == tree && old.text().equals(text) && !Objects.equals(old.value(), v)) {
          violations.set(i, new Summary.Violation(tree, body.ctx, text, old.value().join(v, lat)));
        }
      }
    }
  }

  private long line(Node n) {
    return n.getTree() == null ? -1 : body.ctx.lineOf(n.getTree());
  }

  private static String simpleName(ExecutableElement m) {
    String owner = m.getEnclosingElement().getSimpleName().toString();
    return m.getKind() == ElementKind.CONSTRUCTOR ? "new " + owner : owner + "." + m.getSimpleName();
  }

  private static String qualified(VariableElement f) {
    return f.getEnclosingElement().getSimpleName() + "." + f.getSimpleName();
  }
}
