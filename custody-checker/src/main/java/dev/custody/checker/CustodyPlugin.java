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
 * prefix. {@code lattice=FILE} and {@code policy=FILE} configure the information-flow pass (a
 * {@code custody-lattice.properties} lattice and a RIFL flow policy; see {@code
 * dev.custody.checker.ifc.IfcPass}). An unknown argument is a compile error.
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
    List<CheckerPass> passes =
        Passes.select(Passes.create(settings), opts.getOrDefault("only", Set.of()), opts.getOrDefault("skip", Set.of()));
    Trees trees = Trees.instance(task);
    ProcessingEnvironment env = processingEnvironment(task);
    task.addTaskListener(new Listener(passes, trees, env));
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

  private static Map<String, Set<String>> parseArgs(String... args) {
    Map<String, Set<String>> out = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (eq < 0 || !(name.equals("only") || name.equals("skip") || Passes.SETTINGS.contains(name))) {
        throw new IllegalArgumentException(
            "-Xplugin:Custody: unknown argument '" + arg + "' (expected only=KEYS, skip=KEYS, lattice=FILE or policy=FILE)");
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
    private CompilationUnitTree currentUnit;
    private CheckerContext currentContext;

    Listener(List<CheckerPass> passes, Trees trees, ProcessingEnvironment env) {
      this.passes = passes;
      this.trees = trees;
      this.env = env;
    }

    @Override
    public void finished(TaskEvent e) {
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
      if (tree == null) {
        return;
      }
      if (unit != currentUnit) {
        currentUnit = unit;
        currentContext = new CheckerContext(trees, env, unit);
      }
      for (CheckerPass pass : passes) {
        try {
          pass.check(tree, currentContext);
        } catch (RuntimeException | StackOverflowError ex) {
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
