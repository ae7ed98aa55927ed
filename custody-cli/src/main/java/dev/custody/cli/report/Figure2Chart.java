package dev.custody.cli.report;

import dev.custody.bench.isolation.IsolationResults;
import dev.custody.bench.isolation.IsolationTargets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The paper's Figure 2 redrawn from measured results: overhead of a protected call (cycles) per
 * batch size on a log2 axis, beside the copying baseline, Maglev's cost per batch and 1% of it,
 * the 30-cycle target, and the paper's own points (90 cycles at batch 1, 122 at 256). Cycles on a
 * log10 axis; values under 1 cycle are drawn at 1 (marked hollow).
 */
final class Figure2Chart {
  static final int WIDTH = 960;
  static final int HEIGHT = 600;
  private static final double LEFT = 90;
  private static final double RIGHT = 300;
  private static final double TOP = 60;
  private static final double BOTTOM = 80;

  static final int BLUE = 0x1f77b4;
  static final int ORANGE = 0xff7f0e;
  static final int GREEN = 0x2ca02c;
  static final int RED = 0xd62728;
  static final int GREY = 0x7f7f7f;
  static final int AXIS = 0x333333;
  static final int GRID = 0xe5e5e5;

  private Figure2Chart() {}

  static void draw(Canvas c, IsolationResults r) {
    List<IsolationResults.Row> rows = r.rows();
    double ghz = r.cpuGhz();
    double ymax = 10;
    for (IsolationResults.Row row : rows) {
      ymax = Math.max(ymax, Math.max(row.copyOverheadCyclesPerCall(), row.maglevNsPerBatch() * ghz));
    }
    double decTop = Math.ceil(Math.log10(ymax));
    double pw = WIDTH - LEFT - RIGHT;
    double ph = HEIGHT - TOP - BOTTOM;
    java.util.function.DoubleUnaryOperator xOf = batch -> LEFT + pw * (Math.log(batch) / Math.log(2)) / 8.0;
    java.util.function.DoubleUnaryOperator yOf = cyc -> TOP + ph * (1 - Math.log10(Math.max(cyc, 1)) / decTop);

    c.text(WIDTH / 2.0 - RIGHT / 2, 30, "Overhead of a protected call vs batch size (paper Fig. 2, redrawn)",
        17, AXIS, 0, true, false);
    c.text(WIDTH / 2.0 - RIGHT / 2, 48, String.format(Locale.ROOT,
        "pipeline of %d null filters; cycles = ns x %.3f GHz%s", r.pipelineLength(), ghz,
        r.quick() ? "; quick preset" : ""), 12, GREY, 0, false, false);
    // Grid and axes.
    for (int d = 0; d <= decTop; d++) {
      double y = yOf.applyAsDouble(Math.pow(10, d));
      c.line(LEFT, y, LEFT + pw, y, GRID, 1, false);
      c.text(LEFT - 8, y + 4, d == 0 ? "1" : "1e" + d, 12, AXIS, 1, false, false);
    }
    for (int e = 0; e <= 8; e++) {
      double x = xOf.applyAsDouble(1 << e);
      c.line(x, TOP, x, TOP + ph, GRID, 1, false);
      c.text(x, TOP + ph + 18, String.valueOf(1 << e), 12, AXIS, 0, false, false);
    }
    c.line(LEFT, TOP + ph, LEFT + pw, TOP + ph, AXIS, 1.5, false);
    c.line(LEFT, TOP, LEFT, TOP + ph, AXIS, 1.5, false);
    c.text(LEFT + pw / 2, HEIGHT - 30, "packets per batch (log2)", 14, AXIS, 0, false, false);
    c.text(28, TOP + ph / 2, "CPU cycles (log10)", 14, AXIS, 0, false, true);

    // 30-cycle target.
    double yT = yOf.applyAsDouble(IsolationTargets.MAX_OVERHEAD_CYCLES);
    c.line(LEFT, yT, LEFT + pw, yT, GREY, 1.2, true);
    // Series.
    series(c, rows, xOf, yOf, GREEN, row -> row.maglevNsPerBatch() * ghz, false);
    series(c, rows, xOf, yOf, GREEN, row -> row.maglevNsPerBatch() * ghz / 100, true);
    series(c, rows, xOf, yOf, ORANGE, IsolationResults.Row::copyOverheadCyclesPerCall, false);
    series(c, rows, xOf, yOf, BLUE, IsolationResults.Row::overheadCyclesPerCall, false);
    // The paper's two reported points and the span between them.
    double px1 = xOf.applyAsDouble(1);
    double px2 = xOf.applyAsDouble(256);
    double py1 = yOf.applyAsDouble(IsolationTargets.PAPER_BATCH_1);
    double py2 = yOf.applyAsDouble(IsolationTargets.PAPER_BATCH_256);
    c.line(px1, py1, px2, py2, RED, 1.5, true);
    c.diamond(px1, py1, 7, RED);
    c.diamond(px2, py2, 7, RED);
    c.text(px1 + 10, py1 - 8, "90", 12, RED, -1, true, false);
    c.text(px2 - 10, py2 - 8, "122", 12, RED, 1, true, false);

    // Legend.
    double lx = WIDTH - RIGHT + 20;
    double ly = TOP + 10;
    legend(c, lx, ly, BLUE, false, false, "Custody: protected call overhead");
    legend(c, lx, ly + 24, ORANGE, false, false, "copying baseline (deep copy)");
    legend(c, lx, ly + 48, GREEN, false, false, "Maglev, cycles per batch");
    legend(c, lx, ly + 72, GREEN, true, false, "1% of Maglev per batch");
    legend(c, lx, ly + 96, RED, true, true, "paper (NetBricks): 90..122");
    legend(c, lx, ly + 120, GREY, true, false, "target: 30 cycles");
    double ty = ly + 160;
    c.text(lx, ty, "Overhead per call = (protected - plain)", 11, AXIS, -1, false, false);
    c.text(lx, ty + 15, "  / pipeline length", 11, AXIS, -1, false, false);
    c.text(lx, ty + 36, String.format(Locale.ROOT, "Recovery (median): %.0f cycles",
        r.cycles(r.recovery().medianNs())), 12, AXIS, -1, true, false);
    c.text(lx, ty + 52, r.recoveryJavaException() == null ? "  (a Panic, as Rust's)"
        : String.format(Locale.ROOT, "  (a Panic; %.0f with a Java exception)",
            r.cycles(r.recoveryJavaException().medianNs())), 11, AXIS, -1, false, false);
    c.text(lx, ty + 67, "  paper: 4389 cycles", 11, AXIS, -1, false, false);
    c.text(lx, ty + 89, "Hollow markers: value < 1 cycle,", 11, GREY, -1, false, false);
    c.text(lx, ty + 104, "  drawn at 1 (log axis).", 11, GREY, -1, false, false);
  }

  private static void legend(Canvas c, double x, double y, int rgb, boolean dashed, boolean diamond, String label) {
    c.line(x, y, x + 30, y, rgb, 2, dashed);
    if (diamond) {
      c.diamond(x + 15, y, 6, rgb);
    } else if (!dashed) {
      c.circle(x + 15, y, 4, rgb, true);
    }
    c.text(x + 38, y + 4, label, 12, AXIS, -1, false, false);
  }

  private static void series(Canvas c, List<IsolationResults.Row> rows,
      java.util.function.DoubleUnaryOperator xOf, java.util.function.DoubleUnaryOperator yOf, int rgb,
      java.util.function.ToDoubleFunction<IsolationResults.Row> value, boolean dashed) {
    List<double[]> pts = new ArrayList<>();
    for (IsolationResults.Row row : rows) {
      double v = value.applyAsDouble(row);
      pts.add(new double[] {xOf.applyAsDouble(row.batch()), yOf.applyAsDouble(v), v});
    }
    for (int i = 1; i < pts.size(); i++) {
      c.line(pts.get(i - 1)[0], pts.get(i - 1)[1], pts.get(i)[0], pts.get(i)[1], rgb, 2, dashed);
    }
    if (!dashed) {
      for (double[] p : pts) {
        c.circle(p[0], p[1], 4, rgb, p[2] >= 1);
      }
    }
  }
}
