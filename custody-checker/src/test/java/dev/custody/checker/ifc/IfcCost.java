package dev.custody.checker.ifc;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Steady-state cost of the checker, as a build that compiles in-process (Maven's default, or a
 * daemon) sees it: javac runs in this JVM, on the given sources, without the plugin, with only
 * the IFC pass, and with every pass, interleaved round by round after warm-up rounds. Measures
 * the compiling thread's CPU time (javac is single-threaded; JIT and GC threads are left out) and
 * wall time, and prints medians.
 *
 * <p>Run by {@code custody-checker/scripts/measure-ifc-cost.sh}; arguments: {@code ROUNDS
 * WARMUP CLASSPATH SOURCES-LIST-FILE}. Not a unit test: no timing is asserted.
 */
public final class IfcCost {
  private IfcCost() {}

  public static void main(String[] args) throws IOException {
    int rounds = Integer.parseInt(args[0]);
    int warmup = Integer.parseInt(args[1]);
    String cp = args[2];
    List<String> sources = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
    long lines = 0;
    for (String s : sources) {
      lines += Files.readAllLines(Path.of(s)).size();
    }
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("javac", null);
    variants.put("javac + IFC only", "-Xplugin:Custody only=ifc");
    variants.put("javac + ownership only", "-Xplugin:Custody only=ownership");
    variants.put("javac + all passes", "-Xplugin:Custody");
    // The plugin switches javac to compilePolicy=simple (demand-driven CFGs, docs/ifc.md): these
    // two show what the policy alone does, and the plugin under javac's default policy (every
    // body gets a CFG at ANALYZE). Options of one variant are separated by '|'.
    variants.put("javac, policy simple", "-XDcompilePolicy=simple");
    variants.put("all passes, policy byTodo", "-XDcompilePolicy=bytodo|-Xplugin:Custody");
    Map<String, List<Long>> cpu = new LinkedHashMap<>();
    Map<String, List<Long>> wall = new LinkedHashMap<>();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Path out = Files.createTempDirectory("ifc-cost");
    for (int r = 0; r < warmup + rounds; r++) {
      for (var v : variants.entrySet()) {
        List<String> opts = new ArrayList<>(List.of("-proc:none", "-nowarn", "-Xlint:none", "--release", "25",
            "-cp", cp, "-d", out.toString()));
        if (v.getValue() != null) {
          opts.addAll(List.of(v.getValue().split("\\|")));
        }
        opts.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter log = new StringWriter();
        long c0 = mx.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        int rc = javac.run(null, null, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
            opts.toArray(String[]::new));
        long w1 = System.nanoTime();
        long c1 = mx.getCurrentThreadCpuTime();
        if (rc != 0) {
          throw new IllegalStateException(v.getKey() + ": javac failed (" + rc + ")" + log);
        }
        if (r >= warmup) {
          cpu.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add((c1 - c0) / 1_000_000);
          wall.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add((w1 - w0) / 1_000_000);
        }
      }
    }
    long baseCpu = median(cpu.get("javac"));
    long baseWall = median(wall.get("javac"));
    System.out.printf("in-process javac, %d files, %d lines, %d rounds after %d warm-up rounds%n",
        sources.size(), lines, rounds, warmup);
    System.out.printf("%-24s %8s %8s %10s %10s%n", "variant", "cpu_ms", "wall_ms", "cpu_over", "wall_over");
    for (String k : variants.keySet()) {
      long c = median(cpu.get(k));
      long w = median(wall.get(k));
      System.out.printf("%-24s %8d %8d %9.1f%% %9.1f%%%n", k, c, w, 100.0 * (c - baseCpu) / baseCpu,
          100.0 * (w - baseWall) / baseWall);
    }
    long ifc = median(cpu.get("javac + IFC only")) - baseCpu;
    long ifcOnTop = median(cpu.get("javac + all passes")) - median(cpu.get("javac + ownership only"));
    System.out.printf("IFC checker CPU per 1000 lines: %.0f ms alone, %.0f ms on top of the ownership pass%n",
        ifc * 1000.0 / lines, ifcOnTop * 1000.0 / lines);
  }

  private static long median(List<Long> xs) {
    long[] a = xs.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a[a.length / 2];
  }
}
