package dev.custody.checker;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * The Custody javac plugin, {@code -Xplugin:Custody}: after javac has attributed and flow-checked
 * each top-level class, it runs the {@link Passes} over it and reports violations as ordinary
 * javac errors, so builds fail on them.
 *
 * <p>Arguments (inside the quotes of {@code -Xplugin:"Custody …"}): {@code only=k1,k2} runs only
 * the passes with those keys, {@code skip=k} leaves some out; keys may omit the {@code custody.}
 * prefix; {@code stats} prints counters as a note; {@code generated} also checks classes annotated
 * {@code @Generated}, which are skipped by default. {@code lattice=FILE} and {@code policy=FILE}
 * configure the information-flow pass (a {@code custody-lattice.properties} lattice and a RIFL
 * flow policy; see {@code dev.custody.checker.ifc.IfcPass}). An unknown argument is a compile
 * error.
 *
 * <p>Unless the command line names one ({@code -XDcompilePolicy=…}), the plugin switches javac
 * to {@code compilePolicy=simple}: every class is attributed and flow-checked before any is
 * lowered, so whole-program passes build CFGs only where they need them ({@link
 * CheckerPass#allAnalyzed()}). Under another policy they fall back to building CFGs class by
 * class.
 *
 * <p>javac's JVM needs {@code --add-opens jdk.compiler/com.sun.tools.javac.*=ALL-UNNAMED} (see
 * the README): the dataflow library uses javac internals.
 */
public final class CustodyPlugin implements Plugin {

  @Override
  public String getName() {
    return "Custody";
  }

  @Override
  public boolean autoStart() {
    return false;
  }

  @Override
  public void init(JavacTask task, String... args) {
    Map<String, Set<String>> opts = parseArgs(args);
    Map<String, String> settings = new HashMap<>();
    for (String k : Passes.SETTINGS) {
      if (opts.containsKey(k)) {
        settings.put(k, String.join(",", opts.get(k)));
      }
    }
    List<CheckerPass> all = Passes.create(settings);
    for (String name : opts.getOrDefault("only", Set.of())) {
      requireKnown(all, name);
    }
    for (String name : opts.getOrDefault("skip", Set.of())) {
      requireKnown(all, name);
    }
    List<CheckerPass> passes =
        Passes.select(all, opts.getOrDefault("only", Set.of()), opts.getOrDefault("skip", Set.of()));
    Trees trees = Trees.instance(task);
    ProcessingEnvironment env = processingEnvironment(task);
    boolean simple = !passes.isEmpty() && simpleCompilePolicy(task);
    task.addTaskListener(
        new Listener(passes, trees, env, opts.containsKey("stats"), opts.containsKey("generated"), simple));
  }

  /**
   * Makes javac attribute and flow-check every class before lowering any ({@code
   * -XDcompilePolicy=simple}, as Error Prone requires), unless the command line chose a policy;
   * then whole-program passes can build CFGs only for the methods they need, after seeing all
   * of them. Returns whether the policy is {@code simple}; false (CFGs built eagerly, class by
   * class) if javac's internals cannot be reached.
   */
  static boolean simpleCompilePolicy(JavacTask task) {
    try {
      ClassLoader cl = task.getClass().getClassLoader();
      Object context = task.getClass().getMethod("getContext").invoke(task);
      Class<?> contextClass = Class.forName("com.sun.tools.javac.util.Context", false, cl);
      Class<?> compilerClass = Class.forName("com.sun.tools.javac.main.JavaCompiler", true, cl);
      Class<?> optionsClass = Class.forName("com.sun.tools.javac.util.Options", true, cl);
      Object options = optionsClass.getMethod("instance", contextClass).invoke(null, context);
      Object compiler = compilerClass.getMethod("instance", contextClass).invoke(null, context);
      java.lang.reflect.Field field = compilerClass.getDeclaredField("compilePolicy");
      field.setAccessible(true);
      Object policy = field.get(compiler);
      if (optionsClass.getMethod("get", String.class).invoke(options, "compilePolicy") == null
          && ((Enum<?>) policy).name().equals("BY_TODO")) {
        for (Object c : field.getType().getEnumConstants()) {
          if (((Enum<?>) c).name().equals("SIMPLE")) {
            field.set(compiler, c);
            policy = c;
          }
        }
      }
      return ((Enum<?>) policy).name().equals("SIMPLE");
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * javac's own {@code JavacProcessingEnvironment}, which the dataflow library needs. Reached
   * reflectively because {@code --release} hides javac's internal packages at compile time; at
   * run time they must be opened (see the class comment).
   */
  static ProcessingEnvironment processingEnvironment(JavacTask task) {
    try {
      Object context = task.getClass().getMethod("getContext").invoke(task);
      Class<?> contextClass = Class.forName("com.sun.tools.javac.util.Context", false, task.getClass().getClassLoader());
      Class<?> jpe = Class.forName(
          "com.sun.tools.javac.processing.JavacProcessingEnvironment", true, task.getClass().getClassLoader());
      return (ProcessingEnvironment) jpe.getMethod("instance", contextClass).invoke(null, context);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "-Xplugin:Custody cannot reach javac's processing environment; run javac with "
              + "--add-opens jdk.compiler/com.sun.tools.javac.{api,code,comp,file,main,model,parser,"
              + "processing,tree,util}=ALL-UNNAMED (-J--add-opens=... on the javac command line, "
              + ".mvn/jvm.config for Maven)",
          e);
    }
  }

  /**
   * Code generated by an annotation processor ({@code @Generated}) is trusted runtime machinery,
   * like Rust's {@code unsafe} inside a library: Custody's own domain proxies, for instance,
   * reclaim a moved argument after the callee failed. {@code -Xplugin:"Custody generated"} checks
   * it anyway.
   */
  static boolean isGenerated(TypeElement type) {
    return LinearTypes.hasAnnotation(type, "javax.annotation.processing.Generated")
        || LinearTypes.hasAnnotation(type, "javax.annotation.Generated")
        || LinearTypes.hasAnnotation(type, "jakarta.annotation.Generated");
  }

  private static void requireKnown(List<CheckerPass> all, String name) {
    if (Passes.select(all, Set.of(name), Set.of()).isEmpty()) {
      throw new IllegalArgumentException("-Xplugin:Custody: no pass '" + name + "'; known: "
          + all.stream().map(CheckerPass::key).toList());
    }
  }

  private static Map<String, Set<String>> parseArgs(String... args) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (arg.equals("stats") || arg.equals("generated")) {
        out.put(arg, Set.of());
        continue;
      }
      if (eq < 0 || !(name.equals("only") || name.equals("skip") || Passes.SETTINGS.contains(name))) {
        throw new IllegalArgumentException(
            "-Xplugin:Custody: unknown argument '"
                + arg
                + "' (expected only=KEYS, skip=KEYS, lattice=FILE, policy=FILE, stats or generated)");
      }
      out.computeIfAbsent(name, k -> new LinkedHashSet<>())
          .addAll(Arrays.asList(arg.substring(eq + 1).split(",")));
    }
    return out;
  }

  private static final class Listener implements TaskListener {
    private final List<CheckerPass> passes;
    private final Trees trees;
    private final ProcessingEnvironment env;
    private final boolean printStats;
    private final boolean checkGenerated;
    private final CheckerStats stats = new CheckerStats();
    private CompilationUnitTree currentUnit;
    private CheckerContext currentContext;
    private CompilationUnitTree anyUnit;
    private final boolean wholeProgram;
    /** ANALYZE events started and not finished: under the simple policy, 0 means all are analysed. */
    private int pending;
    private boolean allAnalyzedDone;

    Listener(List<CheckerPass> passes, Trees trees, ProcessingEnvironment env, boolean printStats,
        boolean checkGenerated, boolean wholeProgram) {
      this.wholeProgram = wholeProgram;
      this.passes = passes;
      this.trees = trees;
      this.env = env;
      this.printStats = printStats;
      this.checkGenerated = checkGenerated;
    }

    @Override
    public void started(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.ANALYZE) {
        pending++;
      }
    }

    @Override
    public void finished(TaskEvent e) {
      if (e.getKind() != TaskEvent.Kind.ANALYZE) {
        onFinished(e);
        return;
      }
      try {
        onFinished(e);
      } finally {
        // Under compilePolicy=simple javac starts every ANALYZE (attribution) before finishing
        // any (flow), and lowers nothing before the last one finishes.
        if (--pending == 0 && wholeProgram && !allAnalyzedDone) {
          allAnalyzedDone = true;
          for (CheckerPass pass : passes) {
            try {
              pass.allAnalyzed();
            } catch (RuntimeException | StackOverflowError ex) {
              StringWriter sw = new StringWriter();
              ex.printStackTrace(new PrintWriter(sw));
              env.getMessager().printMessage(
                  Diagnostic.Kind.ERROR, "[" + pass.key() + "] internal error: " + ex + "\n" + sw);
            }
          }
        }
      }
    }

    private void onFinished(TaskEvent e) {
      if (e.getKind() == TaskEvent.Kind.COMPILATION) {
        for (CheckerPass pass : passes) {
          try {
            pass.finish();
          } catch (RuntimeException | StackOverflowError ex) {
            StringWriter sw = new StringWriter();
            ex.printStackTrace(new PrintWriter(sw));
            env.getMessager().printMessage(
                Diagnostic.Kind.ERROR, "[" + pass.key() + "] internal error: " + ex + "\n" + sw);
          }
        }
        if (printStats && anyUnit != null) {
          env.getMessager().printMessage(Diagnostic.Kind.NOTE, "[custody] " + stats);
        }
        return;
      }
      if (e.getKind() != TaskEvent.Kind.ANALYZE || passes.isEmpty()) {
        return;
      }
      CompilationUnitTree unit = e.getCompilationUnit();
      TypeElement type = e.getTypeElement();
      if (unit == null || type == null) {
        return;
      }
      ClassTree tree = trees.getTree(type);
      if (tree == null || (!checkGenerated && isGenerated(type))) {
        return;
      }
      if (unit != currentUnit) {
        currentUnit = unit;
        anyUnit = unit;
        currentContext = new CheckerContext(trees, env, unit, stats, wholeProgram);
      }
      stats.classChecked();
      for (CheckerPass pass : passes) {
        long start = System.nanoTime();
        try {
          pass.check(tree, currentContext);
          stats.passRan(pass.key(), System.nanoTime() - start);
        } catch (RuntimeException | LinkageError | StackOverflowError ex) {
          StringWriter sw = new StringWriter();
          ex.printStackTrace(new PrintWriter(sw));
          trees.printMessage(
              Diagnostic.Kind.ERROR,
              "[" + pass.key() + "] internal error while checking " + type.getQualifiedName()
                  + ": " + ex + "\n" + sw,
              tree,
              unit);
        }
      }
    }
  }
}
