package dev.custody.cli.report;

import java.util.List;
import java.util.Locale;

/** A horizontal bar chart of named values (the checkpoint benchmark's timings). */
final class BarChart {
  static final int WIDTH = 860;

  record Bar(String label, double value) {}

  private BarChart() {}

  static int height(int bars) {
    return 90 + 34 * bars;
  }

  static void draw(Canvas c, String title, String unit, List<Bar> bars) {
    double left = 230;
    double right = 110;
    double top = 55;
    double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
    if (max <= 0) {
      max = 1;
    }
    double pw = WIDTH - left - right;
    c.text(WIDTH / 2.0, 30, title, 17, Figure2Chart.AXIS, 0, true, false);
    int[] colours = {Figure2Chart.BLUE, 0x9467bd, Figure2Chart.ORANGE, Figure2Chart.GREEN,
        Figure2Chart.RED, Figure2Chart.GREY, 0x8c564b, 0xe377c2};
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = top + 34 * i;
      double w = Math.max(1, pw * b.value() / max);
      c.text(left - 10, y + 17, b.label(), 13, Figure2Chart.AXIS, 1, false, false);
      c.rect(left, y + 4, w, 20, colours[i % colours.length]);
      c.text(left + w + 6, y + 19, String.format(Locale.ROOT, "%.2f %s", b.value(), unit), 12,
          Figure2Chart.AXIS, -1, false, false);
    }
    c.line(left, top, left, top + 34 * bars.size(), Figure2Chart.AXIS, 1.5, false);
  }
}
