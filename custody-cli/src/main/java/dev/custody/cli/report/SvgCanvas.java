package dev.custody.cli.report;

import java.util.Locale;

/** A {@link Canvas} that writes SVG. Not thread-safe. */
final class SvgCanvas implements Canvas {
  private final StringBuilder sb = new StringBuilder();
  private final int width;
  private final int height;

  SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n"
            + "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>\n", width, height, width, height));
  }

  private static String c(int rgb) {
    return String.format("#%06x", rgb & 0xffffff);
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, int rgb, double w, boolean dashed) {
    sb.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>\n",
        x1, y1, x2, y2, c(rgb), w, dashed ? " stroke-dasharray=\"6,4\"" : ""));
  }

  @Override
  public void rect(double x, double y, double w, double h, int fill) {
    sb.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", x, y, w, h, c(fill)));
  }

  @Override
  public void circle(double cx, double cy, double r, int rgb, boolean filled) {
    sb.append(String.format(Locale.ROOT,
        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
        cx, cy, r, filled ? c(rgb) : "#ffffff", c(rgb)));
  }

  @Override
  public void diamond(double cx, double cy, double r, int rgb) {
    sb.append(String.format(Locale.ROOT,
        "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>\n",
        cx, cy - r, cx + r, cy, cx, cy + r, cx - r, cy, c(rgb)));
  }

  @Override
  public void text(double x, double y, String s, int size, int rgb, int anchor, boolean bold, boolean rotate) {
    String a = anchor < 0 ? "start" : anchor > 0 ? "end" : "middle";
    String esc = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    sb.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" text-anchor=\"%s\"%s%s>%s</text>\n",
        x, y, size, c(rgb), a, bold ? " font-weight=\"bold\"" : "",
        rotate ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", x, y) : "", esc));
  }

  String finish() {
    return sb + "</svg>\n";
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }
}
