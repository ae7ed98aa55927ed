package dev.custody.cli.report;

/**
 * The few drawing operations the report's charts need, so each chart is drawn once and rendered
 * both as SVG and as PNG. Coordinates in pixels, origin top-left. Colours are 0xRRGGBB.
 */
interface Canvas {
  void line(double x1, double y1, double x2, double y2, int rgb, double width, boolean dashed);

  void rect(double x, double y, double w, double h, int fillRgb);

  void circle(double cx, double cy, double r, int rgb, boolean filled);

  void diamond(double cx, double cy, double r, int rgb);

  /** Text; {@code anchor} is -1 left, 0 centre, 1 right; {@code rotate} draws it vertical. */
  void text(double x, double y, String s, int size, int rgb, int anchor, boolean bold, boolean rotate);
}
