package dev.custody.checker.ifc;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import dev.custody.checker.CheckerContext;
import dev.custody.checker.CheckerPass;
import dev.custody.checker.Reporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The information-flow pass, {@code [custody.ifc]} (DESIGN.md §3, "Information flow").
 *
 * <p>During javac's {@code ANALYZE} events it scans the trees of every method, constructor,
 * lambda, initializer block and field initializer of the compiled sources (no CFG): which
 * mention a label source and what they call; it checks that every {@code @Label}, {@code @Channel} and {@code
 * Declassify.to} names a label of the lattice (an unknown name is an error at the annotation),
 * and lists each declassification as a note for auditors. Once every class is analysed ({@link
 * #allAnalyzed()}, or {@link #finish()} under a compile policy that lowers class by class, where
 * all CFGs are built eagerly instead) it builds CFGs only for the bodies a label can reach
 * ({@link Program#closure()}), computes per-context method summaries bottom-up over the call
 * graph ({@link Program}) and reports every flow that exceeds a bound:
 *
 * <pre>
 * Buffer.java:16: error: [custody.ifc] secret value reaches public channel PrintStream.println; source: variable 'sec' (line 13)
 * </pre>
 *
 * <p><b>Configuration.</b> The lattice is, in order of precedence: the file named by {@code
 * -Xplugin:"Custody lattice=FILE"}; else a {@code custody-lattice.properties} on the source path
 * or class path (for Maven, {@code src/main/resources}); else the domains of the RIFL policy;
 * else {@code public ⊑ secret}. The format is in {@link Lattice}. A RIFL flow policy for code
 * without annotations is named by {@code -Xplugin:"Custody policy=FILE.xml"} ({@link FlowPolicy}).
 *
 * <p><b>Lambdas, initializers, exceptions.</b> A lambda or method reference passed as an argument
 * of a call (directly, or through a local or parameter holding it) gets, for each parameter, the
 * join of the call's receiver and arguments (what the callee may feed it), and a lambda's body
 * runs under the call's pc joined with that; a lambda's value is the label of its result, so it
 * flows into the call's result. Field initializers are bodies of their own, reported at the
 * initializer. An exception that a node may throw (a library call above all) is an implicit flow
 * towards the handlers of the same method, raised by the node's inputs, and the catch parameter
 * gets that label; if it only propagates, it joins the method summary's escapes, which a catching
 * caller uses.
 *
 * <p><b>Assumptions.</b> Library methods follow {@link JdkModels}. An exception that leaves a
 * method without a handler there does not taint the rest of it (unless thrown by a {@code throw},
 * in it or in a compiled callee). Functions are tracked through locals and parameters, not
 * through fields, arrays or return values. The limits are listed in {@code docs/ifc.md}. Not
 * thread-safe; one instance per compilation.
 */
public final class IfcPass implements CheckerPass {
  public static final String KEY = "custody.ifc";
  static final String PROPERTIES = "custody-lattice.properties";
  /** With {@code -J-Dcustody.ifc.stats} javac prints how long the pass took (a note). */
  public static final String STATS_PROPERTY = "custody.ifc.stats";

  private final Map<String, String> settings;
  private Stats lastStats;

  /**
   * Counters of the last analysis: bodies collected, bodies in the label closure, CFGs built by
   * or for this pass, CFGs built late (a call edge the pre-scan missed; 0 expected), analyses.
   */
  record Stats(int bodies, int reachable, int cfgs, int lateBuilds, int analyses) {}

  /** The counters of the last {@link #finish()}, or null before it. */
  Stats stats() {
    return lastStats;
  }
  private Program program;
  private boolean configFailed;
  private final List<Runnable> pendingNotes = new ArrayList<>();
  private long collectNanos;
  private javax.annotation.processing.Messager messager;

  public IfcPass(Map<String, String> settings) {
    this.settings = Map.copyOf(settings);
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public void check(ClassTree topLevelClass, CheckerContext ctx) {
    Reporter r = ctx.reporter(KEY);
    if (program == null && !configFailed) {
      try {
        program = configure(ctx);
      } catch (IllegalArgumentException | IOException e) {
        configFailed = true;
        r.error(topLevelClass, "bad information-flow configuration: " + e.getMessage());
      }
    }
    if (program == null) {
      return;
    }
    messager = ctx.processingEnv().getMessager();
    long t0 = System.nanoTime();
    int before = program.bodies.size();
    new Collector(ctx, r).scan(ctx.pathOf(topLevelClass), null);
    if (!ctx.wholeProgramBeforeLowering()) {
      // javac lowers this class before the next one is analysed, so which bodies a label can
      // reach is not known in time: build every CFG now (sound, slower; see docs/ifc.md).
      for (MethodBody b : program.bodies.subList(before, program.bodies.size())) {
        b.build();
      }
    }
    collectNanos += System.nanoTime() - t0;
  }

  /** All classes are analysed and none is lowered yet: run the analysis now, on the closure only. */
  @Override
  public void allAnalyzed() {
    finish();
  }

  @Override
  public void finish() {
    if (program == null) {
      return;
    }
    Program prog = program;
    program = null;
    long t0 = System.nanoTime();
    // Only bodies a label above bottom can reach get CFGs and summaries (Program#closure has
    // the soundness argument). Without any label in the sources, the policy or the labelled
    // library API they use, the closure is empty and nothing is computed.
    java.util.Set<MethodBody> live = prog.closure();
    Map<MethodBody, Summary> entries = live.isEmpty() ? Map.of() : prog.run(live);
    long analyseNanos = System.nanoTime() - t0;
    long cfgs = prog.bodies.stream().filter(b -> b.cfg != null).count();
    lastStats = new Stats(prog.bodies.size(), live.size(), (int) cfgs, prog.lateBuilds, prog.analyses());
    if (System.getProperty(STATS_PROPERTY) != null && messager != null) {
      messager.printMessage(javax.tools.Diagnostic.Kind.NOTE, String.format(
          "[%s] stats: %d bodies, %d reachable from a label, %d CFGs (%d late), %d contexts analysed;"
              + " collect %d ms, closure + CFGs + summaries %d ms",
          KEY, prog.bodies.size(), live.size(), cfgs, prog.lateBuilds, prog.analyses(),
          collectNanos / 1_000_000, analyseNanos / 1_000_000));
    }
    Lattice lat = prog.lattice;
    for (Summary s : entries.values()) {
      for (Summary.Violation v : s.violations()) {
        String source = v.value().origin() == null ? "" : "; source: " + v.value().origin().describe();
        v.ctx().reporter(KEY).error(v.at(), lat.name(v.value().label()) + " " + v.text() + source);
      }
    }
    pendingNotes.forEach(Runnable::run);
  }

  private Program configure(CheckerContext ctx) throws IOException {
    FlowPolicy policy = FlowPolicy.empty();
    String policyFile = settings.get("policy");
    if (policyFile != null) {
      policy = FlowPolicy.parseRifl(Path.of(policyFile));
    }
    Lattice lattice;
    String latticeFile = settings.get("lattice");
    if (latticeFile != null) {
      lattice = load(Files.newBufferedReader(Path.of(latticeFile), StandardCharsets.UTF_8), latticeFile);
    } else {
      lattice = fromPath(ctx);
      if (lattice == null) {
        lattice = policy.lattice(policyFile);
      }
      if (lattice == null) {
        lattice = Lattice.defaultLattice();
      }
    }
    for (FlowPolicy.Spec s : policy.all()) {
      if (FlowPolicy.labelOf(s.domain(), lattice) < 0) {
        throw new IllegalArgumentException("policy file " + s.where() + ": unknown label '" + s.domain()
            + "' for " + s.owner() + "." + s.signature() + " (lattice " + lattice.names() + ")");
      }
    }
    Program prog = new Program(lattice, policy, ctx.types(), ctx.elements());
    prog.hasSources = policy.hasSources(lattice);
    return prog;
  }

  private static Lattice fromPath(CheckerContext ctx) throws IOException {
    for (StandardLocation loc : List.of(StandardLocation.SOURCE_PATH, StandardLocation.CLASS_PATH)) {
      FileObject fo;
      try {
        fo = ctx.processingEnv().getFiler().getResource(loc, "", PROPERTIES);
      } catch (IOException | IllegalArgumentException | IllegalStateException e) {
        continue;
      }
      InputStream in;
      try {
        in = fo.openInputStream();
      } catch (IOException e) {
        continue;
      }
      try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
        return load(reader, fo.getName());
      }
    }
    return null;
  }

  private static Lattice load(Reader reader, String where) throws IOException {
    try (reader) {
      Properties props = new Properties();
      props.load(reader);
      return Lattice.parse(props, where);
    }
  }

  /** Collects bodies and declaration lines, validates label names, lists declassifications. */
  private final class Collector extends TreePathScanner<Void, MethodBody> {
    private final CheckerContext ctx;
    private final Reporter reporter;

    Collector(CheckerContext ctx, Reporter reporter) {
      this.ctx = ctx;
      this.reporter = reporter;
    }

    @Override
    public Void visitVariable(VariableTree tree, MethodBody enclosing) {
      Element e = ctx.trees().getElement(getCurrentPath());
      if (e != null) {
        program.declLines.put(e, ctx.lineOf(tree));
      }
      if (tree.getInitializer() != null && e != null
          && (e.getKind() == javax.lang.model.element.ElementKind.FIELD
              || e.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT)
          && getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
        // A field initializer is a body of its own (part of <init> or <clinit>): the assignment
        // of the initializer to the field, checked like any other. Only its initializer
        // expression belongs to it: a label on the field itself is a bound, not a source in it.
        TypeElement owner = (TypeElement) e.getEnclosingElement();
        boolean isStatic = e.getModifiers().contains(Modifier.STATIC);
        MethodBody body = new MethodBody(owner.getSimpleName() + (isStatic ? ".<clinit>" : ".<init>")
            + " field '" + tree.getName() + "'", null, tree, ctx, getCurrentPath(), List.of(),
            !isStatic && program.linear.isLinearClass(owner), null);
        program.add(body);
        if (enclosing != null) {
          enclosing.nested.add(body);
        }
        scan(tree.getModifiers(), enclosing);
        scan(tree.getType(), enclosing);
        scan(tree.getInitializer(), body);
        return null;
      }
      return super.visitVariable(tree, enclosing);
    }

    @Override
    public Void visitMethod(MethodTree tree, MethodBody enclosing) {
      ExecutableElement e = (ExecutableElement) ctx.trees().getElement(getCurrentPath());
      if (e != null) {
        program.declLines.put(e, ctx.lineOf(tree));
      }
      MethodBody body = null;
      if (tree.getBody() != null && e != null) {
        TypeElement owner = (TypeElement) e.getEnclosingElement();
        boolean linearThis = !e.getModifiers().contains(Modifier.STATIC) && program.linear.isLinearClass(owner);
        body = new MethodBody(owner.getSimpleName() + "." + e.getSimpleName(), e, tree, ctx,
            getCurrentPath(), List.copyOf(e.getParameters()), linearThis, null);
        program.add(body);
        if (enclosing != null) {
          enclosing.nested.add(body);
        }
        for (VariableElement p : e.getParameters()) {
          mark(body, program.declared(p)); // @Label or a RIFL source on a parameter
        }
        mark(body, program.declared(e));
      }
      return super.visitMethod(tree, body);
    }

    @Override
    public Void visitLambdaExpression(LambdaExpressionTree tree, MethodBody enclosing) {
      List<VariableElement> params = new ArrayList<>();
      for (VariableTree v : tree.getParameters()) {
        params.add((VariableElement) ctx.trees().getElement(new TreePath(getCurrentPath(), v)));
      }
      MethodBody outer = enclosing;
      String name = (outer == null ? "" : outer.name) + " lambda (line " + ctx.lineOf(tree) + ")";
      MethodBody body = new MethodBody(name, null, tree, ctx, getCurrentPath(), params,
          outer != null && outer.linearThis, outer);
      program.add(body);
      if (outer != null) {
        outer.nested.add(body);
      }
      return super.visitLambdaExpression(tree, body);
    }

    @Override
    public Void visitBlock(BlockTree tree, MethodBody enclosing) {
      if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree c) {
        Element owner = ctx.trees().getElement(getCurrentPath().getParentPath());
        MethodBody body = new MethodBody(owner.getSimpleName() + (tree.isStatic() ? ".<clinit>" : ".<init>"),
            null, tree, ctx, getCurrentPath(), List.of(),
            !tree.isStatic() && owner instanceof TypeElement te && program.linear.isLinearClass(te), null);
        program.add(body);
        if (enclosing != null) {
          enclosing.nested.add(body);
        }
        return super.visitBlock(tree, body);
      }
      return super.visitBlock(tree, enclosing);
    }

    @Override
    public Void visitAnnotation(AnnotationTree tree, MethodBody enclosing) {
      Element type = ctx.trees().getElement(new TreePath(getCurrentPath(), tree.getAnnotationType()));
      if (type instanceof TypeElement te
          && (te.getQualifiedName().contentEquals(Program.LABEL) || te.getQualifiedName().contentEquals(Program.CHANNEL))
          && tree.getArguments().size() == 1) {
        ExpressionTree arg = tree.getArguments().get(0);
        if (arg instanceof AssignmentTree a) {
          arg = a.getExpression();
        }
        if (arg instanceof LiteralTree lit && lit.getValue() instanceof String name) {
          int l = program.lattice.index(name);
          if (l < 0) {
            reporter.error(tree, "unknown label '" + name + "' (the lattice has " + program.lattice.names() + ")");
          } else if (l != program.lattice.bottom() && te.getQualifiedName().contentEquals(Program.LABEL)) {
            program.hasSources = true;
            seed(enclosing);
          }
        } else if (te.getQualifiedName().contentEquals(Program.LABEL)) {
          program.hasSources = true; // a non-literal (constant) label: assume it is a source
          seed(enclosing);
        }
      }
      return super.visitAnnotation(tree, enclosing);
    }

    /** A call, a construction or a method reference: a use of its element and a call edge. */
    private Element invoked(MethodBody enclosing) {
      Element e = ctx.trees().getElement(getCurrentPath());
      labelledUse(e, enclosing);
      call(enclosing, e);
      return e;
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree tree, MethodBody enclosing) {
      Element e = invoked(enclosing);
      if (e instanceof ExecutableElement m && m.getSimpleName().contentEquals("to")
          && ((TypeElement) m.getEnclosingElement()).getQualifiedName().contentEquals("dev.custody.ifc.Declassify")) {
        declassification(tree, enclosing);
      }
      return super.visitMethodInvocation(tree, enclosing);
    }

    @Override
    public Void visitNewClass(com.sun.source.tree.NewClassTree tree, MethodBody enclosing) {
      invoked(enclosing);
      return super.visitNewClass(tree, enclosing);
    }

    @Override
    public Void visitMemberReference(com.sun.source.tree.MemberReferenceTree tree, MethodBody enclosing) {
      invoked(enclosing);
      return super.visitMemberReference(tree, enclosing);
    }

    /** The CFG calls {@code iterator()}, {@code hasNext()}, {@code next()} of a for-each over an Iterable. */
    @Override
    public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree tree, MethodBody enclosing) {
      var type = ctx.trees().getTypeMirror(new TreePath(getCurrentPath(), tree.getExpression()));
      if (enclosing != null && type != null && type.getKind() != javax.lang.model.type.TypeKind.ARRAY) {
        implicitCalls(enclosing, "java.lang.Iterable", "iterator");
        implicitCalls(enclosing, "java.util.Iterator", "hasNext");
        implicitCalls(enclosing, "java.util.Iterator", "next");
      }
      return super.visitEnhancedForLoop(tree, enclosing);
    }

    /** The CFG calls {@code close()} on each resource of a try-with-resources. */
    @Override
    public Void visitTry(com.sun.source.tree.TryTree tree, MethodBody enclosing) {
      if (enclosing != null && !tree.getResources().isEmpty()) {
        implicitCalls(enclosing, "java.lang.AutoCloseable", "close");
      }
      return super.visitTry(tree, enclosing);
    }

    private void implicitCalls(MethodBody body, String type, String method) {
      TypeElement te = ctx.elements().getTypeElement(type);
      if (te != null) {
        for (ExecutableElement m : javax.lang.model.util.ElementFilter.methodsIn(te.getEnclosedElements())) {
          if (m.getSimpleName().contentEquals(method)) {
            body.callees.add(m);
          }
        }
      }
    }

    private void call(MethodBody body, Element e) {
      if (body != null && e instanceof ExecutableElement m) {
        body.callees.add(m);
      }
    }

    private void seed(MethodBody body) {
      if (body != null) {
        body.seed = true;
      }
    }

    private void mark(MethodBody body, int label) {
      if (label >= 0 && label != program.lattice.bottom()) {
        program.hasSources = true;
        seed(body);
      }
    }

    @Override
    public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree tree, MethodBody enclosing) {
      labelledUse(ctx.trees().getElement(getCurrentPath()), enclosing);
      return super.visitMemberSelect(tree, enclosing);
    }

    @Override
    public Void visitIdentifier(com.sun.source.tree.IdentifierTree tree, MethodBody enclosing) {
      labelledUse(ctx.trees().getElement(getCurrentPath()), enclosing);
      return super.visitIdentifier(tree, enclosing);
    }

    /**
     * A use of a labelled method or field (possibly from a library compiled with labels) or of a
     * RIFL source makes {@code body} a seed of the closure.
     */
    private void labelledUse(Element e, MethodBody body) {
      if (e != null && (e instanceof ExecutableElement || e.getKind() == javax.lang.model.element.ElementKind.FIELD)) {
        mark(body, program.declared(e));
        if (e instanceof ExecutableElement m && !program.policy.isEmpty()) {
          mark(body, program.policy.source(m, 0, program.lattice, program.types, program.elements));
        }
      }
    }

    private void declassification(MethodInvocationTree tree, MethodBody body) {
      List<? extends ExpressionTree> args = tree.getArguments();
      if (args.size() != 2 || !(args.get(0) instanceof LiteralTree lit) || !(lit.getValue() instanceof String target)) {
        reporter.error(tree, "Declassify.to needs a constant label name as its first argument");
        return;
      }
      if (program.lattice.index(target) < 0) {
        reporter.error(args.get(0), "unknown label '" + target + "' (the lattice has " + program.lattice.names() + ")");
        return;
      }
      if (program.lattice.index(target) != program.lattice.bottom()) {
        program.hasSources = true;
        seed(body);
      }
      Tree value = args.get(1);
      Reporter r = reporter;
      long line = ctx.lineOf(tree);
      String file = ctx.compilationUnit().getSourceFile().getName();
      pendingNotes.add(() -> r.note(tree, "declassification to '" + target + "' of " + value + " at "
          + file.substring(file.lastIndexOf('/') + 1) + ":" + line + " (audit)"));
    }
  }
}
