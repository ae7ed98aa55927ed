package dev.custody.checker.ifc;

import com.sun.source.tree.Tree;
import dev.custody.checker.LinearTypes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.checkerframework.nullaway.dataflow.cfg.node.MethodInvocationNode;
import org.checkerframework.nullaway.dataflow.cfg.node.Node;
import org.checkerframework.nullaway.dataflow.cfg.node.ObjectCreationNode;
import org.checkerframework.nullaway.dataflow.cfg.node.ThrowNode;
import org.checkerframework.nullaway.javacutil.TreeUtils;

/**
 * The information-flow analysis of one compilation: every body collected from the compiled
 * sources, their per-context {@link Summary summaries} and the fixpoint that computes them.
 *
 * <p>Summaries are tabulated per (method, labels of receiver and arguments, pc): the same helper
 * called with public and with secret arguments gets two summaries. They are computed on demand,
 * bottom-up from callers' requests, by a worklist: when a summary changes, every analysis that
 * read it is redone, so recursion converges to a fixpoint (labels only rise, the lattice is
 * finite). Not thread-safe.
 */
final class Program {
  static final String LABEL = "dev.custody.ifc.Label";
  static final String CHANNEL = "dev.custody.ifc.Channel";

  final Lattice lattice;
  final FlowPolicy policy;
  final Types types;
  final Elements elements;
  final LinearTypes linear;
  final List<MethodBody> bodies = new ArrayList<>();
  final Map<ExecutableElement, MethodBody> byElement = new HashMap<>();
  final Map<Element, Long> declLines = new HashMap<>();
  /** Labels that captured locals may hold, joined over the enclosing bodies' analyses. */
  final Map<Element, Value> captured = new HashMap<>();
  /** Set when {@link #captured} rose: bodies nested in others are redone ({@link #run}). */
  private boolean capturedRose;
  /** Lambda bodies by their tree. */
  final Map<Tree, MethodBody> lambdas = new java.util.IdentityHashMap<>();
  /**
   * For each lambda passed to a call: the data the callee may give its parameters, and the pc it
   * runs under, joined over every call and calling context ({@link FlowAnalysis#feedFunctions}).
   */
  final Map<MethodBody, Value> lambdaArgs = new HashMap<>();
  final Map<MethodBody, Value> lambdaPc = new HashMap<>();
  /**
   * Lambdas and method references each local or parameter may hold (assigned, or passed by a
   * caller): a call through it, or passing it on, feeds them.
   */
  private final Map<Element, Set<Tree>> functionVars = new HashMap<>();
  /** The contexts each body has been requested in. */
  private final Map<MethodBody, Set<Key>> keysOf = new HashMap<>();
  /** True once a label above bottom can enter the program (see {@link IfcPass#finish}). */
  boolean hasSources;
  private final Map<String, List<MethodBody>> byName = new HashMap<>();
  private final Set<ExecutableElement> mayThrow = new HashSet<>();
  private final Map<Key, Summary> memo = new HashMap<>();
  private final Map<Key, Set<Key>> readers = new HashMap<>();
  private final ArrayDeque<Key> work = new ArrayDeque<>();
  private final Set<Key> queued = new HashSet<>();
  private final Map<ExecutableElement, List<MethodBody>> overriders = new HashMap<>();

  /** A calling context: labels of receiver (index 0) and parameters, and the pc. */
  record Key(MethodBody body, List<Integer> in, int pc) {}

  Program(Lattice lattice, FlowPolicy policy, Types types, Elements elements) {
    this.lattice = lattice;
    this.policy = policy;
    this.types = types;
    this.elements = elements;
    this.linear = new LinearTypes(types);
  }

  void add(MethodBody body) {
    bodies.add(body);
    if (body.tree instanceof com.sun.source.tree.LambdaExpressionTree) {
      lambdas.put(body.tree, body);
    }
    if (body.element != null) {
      byElement.put(body.element, body);
      byName.computeIfAbsent(body.element.getSimpleName().toString(), k -> new ArrayList<>()).add(body);
    }
  }

  /**
   * The bodies a label above bottom can reach, from the tree pre-scan alone (no CFG): the only
   * ones that need a CFG and summaries.
   *
   * <p>Call edges are the pre-scan's callees of each body, taken as virtual calls (the body
   * itself and every compiled override, a superset of what {@link #targets} gives a call site),
   * plus an edge from each body to the bodies lexically inside it (lambdas and local or
   * anonymous classes read its captured locals). Seeds are bodies that mention a label source:
   * a non-bottom {@code @Label} in their own declaration or body, a labelled field or method
   * (compiled or not), {@code Declassify.to} a non-bottom label, or a RIFL source.
   *
   * <p>Soundness: let {@code Up} be the seeds and everything that reaches one over call edges
   * (callers, transitively), and the closure {@code Up} plus everything reachable from {@code
   * Up} (callees, transitively). A body outside the closure is no seed and reaches none, so,
   * by induction over the fixpoint, every summary of its callees in a bottom context is bottom
   * (return, exit labels, thrown pc, no violation); and it is called only by bodies outside the
   * closure (a caller inside would put it inside), so its only contexts are bottom ones. Fields
   * add nothing: an unannotated field's label is fixed at bottom (a write of more is an error
   * at the write, in a body holding the label, so in the closure) and a labelled one makes each
   * body that mentions it a seed; labels of linear values travel with the values, hence along
   * call edges. With only bottom labels no bound can be exceeded, so the bodies outside the
   * closure report nothing, and the closure is closed under callees, so the summaries inside it
   * are those of the whole program.
   */
  java.util.Set<MethodBody> closure() {
    Map<MethodBody, List<MethodBody>> callers = new HashMap<>();
    Map<MethodBody, List<MethodBody>> calls = new HashMap<>();
    for (MethodBody b : bodies) {
      List<MethodBody> out = new ArrayList<>(b.nested);
      for (ExecutableElement m : b.callees) {
        out.addAll(targets(m, true));
      }
      calls.put(b, out);
      for (MethodBody t : out) {
        callers.computeIfAbsent(t, x -> new ArrayList<>()).add(b);
      }
    }
    java.util.Set<MethodBody> up = new java.util.LinkedHashSet<>();
    ArrayDeque<MethodBody> todo = new ArrayDeque<>();
    for (MethodBody b : bodies) {
      if (b.seed && up.add(b)) {
        todo.add(b);
      }
    }
    while (!todo.isEmpty()) {
      for (MethodBody c : callers.getOrDefault(todo.poll(), List.of())) {
        if (up.add(c)) {
          todo.add(c);
        }
      }
    }
    java.util.Set<MethodBody> all = new java.util.LinkedHashSet<>(up);
    todo.addAll(up);
    while (!todo.isEmpty()) {
      for (MethodBody c : calls.getOrDefault(todo.poll(), List.of())) {
        if (all.add(c)) {
          todo.add(c);
        }
      }
    }
    return all;
  }

  /** Runs the analysis of {@code live} (a {@link #closure()}) to its fixpoint; the entry summary of each. */
  Map<MethodBody, Summary> run(java.util.Collection<MethodBody> live) {
    for (MethodBody b : live) {
      b.build();
    }
    computeMayThrow(live);
    for (MethodBody b : live) {
      b.computeControlDependence(this::throwsHere);
    }
    Map<MethodBody, Key> entries = new LinkedHashMap<>();
    for (MethodBody b : live) {
      Key k = entryKey(b);
      entries.put(b, k);
      request(null, k);
    }
    drain();
    // Lambdas and local classes read labels their enclosing bodies gave captured locals; redo
    // them until those are final (labels only rise, so this ends).
    java.util.Set<MethodBody> nested = new java.util.HashSet<>();
    for (MethodBody b : live) {
      nested.addAll(b.nested);
    }
    do {
      capturedRose = false;
      for (MethodBody b : live) {
        if (nested.contains(b)) {
          enqueue(entries.get(b));
        }
      }
      drain();
    } while (capturedRose);
    Map<MethodBody, Summary> out = new LinkedHashMap<>();
    entries.forEach((b, k) -> out.put(b, memo.get(k)));
    return out;
  }

  /** Joins {@code v} into what the captured local {@code e} may hold. */
  void capture(Element e, Value v) {
    if (v == null) {
      return;
    }
    Value old = captured.get(e);
    if (old == null) {
      captured.put(e, v);
      capturedRose |= v.label() != lattice.bottom();
    } else if (!lattice.leq(v.label(), old.label())) {
      captured.put(e, old.join(v, lattice));
      capturedRose = true;
    }
  }

  /** The local or parameter {@code e} is given the function {@code fn}. */
  void holdFunction(Element e, Tree fn) {
    if (functionVars.computeIfAbsent(e, k -> java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>())).add(fn)) {
      capturedRose = true; // bodies that call it through a captured local are redone
      if (e.getKind() == ElementKind.PARAMETER && e.getEnclosingElement() instanceof ExecutableElement m
          && byElement.get(m) != null) {
        for (Key k : keysOf.getOrDefault(byElement.get(m), Set.of())) {
          enqueue(k); // the callee calls or passes on what its parameter now may hold
        }
      }
    }
  }

  Set<Tree> functionsHeldBy(Element e) {
    return functionVars.getOrDefault(e, Set.of());
  }

  /** A lambda is passed to a call that may give it {@code args} and runs it under {@code pc}. */
  void feed(MethodBody lambda, Value args, Value pc) {
    boolean rose = raise(lambdaArgs, lambda, args) | raise(lambdaPc, lambda, pc);
    if (rose && lambda.cfg != null) {
      enqueue(entryKey(lambda));
    }
  }

  private boolean raise(Map<MethodBody, Value> m, MethodBody b, Value v) {
    Value old = m.get(b);
    if (v == null || v.label() == lattice.bottom() || old != null && lattice.leq(v.label(), old.label())) {
      return false;
    }
    m.put(b, old == null ? v : old.join(v, lattice));
    return true;
  }

  private int analyses;
  /** Bodies that got a CFG only because a summary was requested outside {@link #closure()}. */
  int lateBuilds;

  /** How many (body, context) analyses ran, re-runs included. */
  int analyses() {
    return analyses;
  }

  private void drain() {
    while (!work.isEmpty()) {
      analyses++;
      Key k = work.poll();
      queued.remove(k);
      Summary next = new FlowAnalysis(this, k).run();
      Summary old = memo.get(k);
      memo.put(k, next);
      if (!next.sameLabels(old)) {
        for (Key r : readers.getOrDefault(k, Set.of())) {
          enqueue(r);
        }
      }
    }
  }

  private void enqueue(Key k) {
    if (queued.add(k)) {
      work.add(k);
    }
  }

  /** The current summary of {@code callee}; {@code reader} is redone whenever it changes. */
  Summary request(Key reader, Key callee) {
    if (reader != null) {
      readers.computeIfAbsent(callee, x -> new HashSet<>()).add(reader);
    }
    Summary s = memo.get(callee);
    if (s == null) {
      MethodBody b = callee.body();
      if (b.cfg == null) {
        // Outside the closure: the pre-scan missed a call edge. Analyse it anyway (still before
        // lowering: run() happens then), counted so tests can assert it never happens.
        lateBuilds++;
        b.build();
        b.computeControlDependence(this::throwsHere);
      }
      s = Summary.bottom(callee.body().params.size(), lattice);
      memo.put(callee, s);
      keysOf.computeIfAbsent(callee.body(), x -> new HashSet<>()).add(callee);
      enqueue(callee);
    }
    return s;
  }

  /** The context a body is checked in on its own: declared labels, bottom elsewhere. */
  Key entryKey(MethodBody b) {
    List<Integer> in = new ArrayList<>();
    in.add(lattice.bottom());
    for (var p : b.params) {
      int d = declared(p);
      in.add(d < 0 ? lattice.bottom() : d);
    }
    return new Key(b, in, lattice.bottom());
  }

  /** The bodies a call of {@code m} may run: its own (if compiled) and compiled overriders. */
  List<MethodBody> targets(ExecutableElement m, boolean virtual) {
    MethodBody own = byElement.get(m);
    if (!virtual || m.getModifiers().contains(Modifier.FINAL) || m.getModifiers().contains(Modifier.PRIVATE)) {
      return own == null ? List.of() : List.of(own);
    }
    return overriders.computeIfAbsent(m, x -> {
      List<MethodBody> out = new ArrayList<>();
      for (MethodBody b : byName.getOrDefault(m.getSimpleName().toString(), List.of())) {
        if (b.element.equals(m) || elements.overrides(b.element, m, (TypeElement) b.element.getEnclosingElement())) {
          out.add(b);
        }
      }
      return out;
    });
  }

  // ---- labels declared in the source -------------------------------------------------------

  private final Map<Element, Integer> declaredCache = new HashMap<>();
  private final Map<Element, Integer> channelCache = new HashMap<>();

  /** The label of {@code @Label} on {@code e}, or -1 (unannotated or unknown name). */
  int declared(Element e) {
    if (e == null) {
      return -1;
    }
    Integer known = declaredCache.get(e);
    if (known == null) {
      known = computeDeclared(e);
      declaredCache.put(e, known);
    }
    return known;
  }

  private int computeDeclared(Element e) {
    String name = annotationValue(e, LABEL);
    int l = name == null ? -1 : lattice.index(name);
    if (e instanceof javax.lang.model.element.VariableElement ve
        && ve.getEnclosingElement() instanceof ExecutableElement m
        && !policy.isEmpty()) {
      int src = policy.source(m, m.getParameters().indexOf(ve) + 1, lattice, types, elements);
      if (src >= 0) {
        l = l < 0 ? src : lattice.join(l, src);
      }
    }
    return l;
  }

  /** The bound of {@code @Channel} on a parameter, or -1. */
  int channel(Element param) {
    return channelCache.computeIfAbsent(param, x -> {
      String name = annotationValue(x, CHANNEL);
      return name == null ? -1 : lattice.index(name);
    });
  }

  static String annotationValue(Element e, String annotation) {
    if (e == null) {
      return null;
    }
    for (AnnotationMirror am : e.getAnnotationMirrors()) {
      if (((TypeElement) am.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
        for (var en : am.getElementValues().entrySet()) {
          if (en.getKey().getSimpleName().contentEquals("value")) {
            AnnotationValue v = en.getValue();
            return String.valueOf(v.getValue());
          }
        }
      }
    }
    return null;
  }

  long line(Element e) {
    return declLines.getOrDefault(e, 0L);
  }

  // ---- exceptions ---------------------------------------------------------------------------

  /** True if the exceptional edges of the block holding {@code n} are implicit flows. */
  boolean throwsHere(Node n) {
    if (n instanceof ThrowNode) {
      return true;
    }
    ExecutableElement m = calleeOf(n);
    if (m == null) {
      return false;
    }
    for (MethodBody t : targets(m, n instanceof MethodInvocationNode)) {
      if (mayThrow.contains(t.element)) {
        return true;
      }
    }
    return false;
  }

  static ExecutableElement calleeOf(Node n) {
    if (n instanceof MethodInvocationNode mi) {
      return mi.getTarget().getMethod();
    }
    if (n instanceof ObjectCreationNode oc) {
      return TreeUtils.elementFromUse(oc.getTree());
    }
    return null;
  }

  /** Compiled methods that throw, directly or through compiled callees (a fixpoint on the call graph). */
  private void computeMayThrow(java.util.Collection<MethodBody> live) {
    Map<MethodBody, Set<ExecutableElement>> callees = new HashMap<>();
    for (MethodBody b : live) {
      if (b.element == null) {
        continue;
      }
      Set<ExecutableElement> cs = new HashSet<>();
      for (Node n : b.cfg.getAllNodes()) {
        if (n instanceof ThrowNode) {
          mayThrow.add(b.element);
          break;
        }
        ExecutableElement c = calleeOf(n);
        if (c != null) {
          for (MethodBody t : targets(c, n instanceof MethodInvocationNode)) {
            if (t.element != null) {
              cs.add(t.element);
            }
          }
        }
      }
      callees.put(b, cs);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (var e : callees.entrySet()) {
        ExecutableElement m = e.getKey().element;
        if (!mayThrow.contains(m) && e.getValue().stream().anyMatch(mayThrow::contains)) {
          mayThrow.add(m);
          changed = true;
        }
      }
    }
  }
}
