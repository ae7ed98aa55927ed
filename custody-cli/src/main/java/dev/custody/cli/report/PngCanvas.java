package dev.custody.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** A {@link Canvas} over a headless {@link BufferedImage}. Not thread-safe. */
final class PngCanvas implements Canvas {
  private final BufferedImage image;
  private final Graphics2D g;

  PngCanvas(int width, int height) {
    image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, int rgb, double w, boolean dashed) {
    g.setColor(new Color(rgb));
    g.setStroke(dashed
        ? new BasicStroke((float) w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
        : new BasicStroke((float) w));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void rect(double x, double y, double w, double h, int fill) {
    g.setColor(new Color(fill));
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void circle(double cx, double cy, double r, int rgb, boolean filled) {
    Ellipse2D e = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
    g.setColor(filled ? new Color(rgb) : Color.WHITE);
    g.fill(e);
    g.setColor(new Color(rgb));
    g.setStroke(new BasicStroke(1.5f));
    g.draw(e);
  }

  @Override
  public void diamond(double cx, double cy, double r, int rgb) {
    Path2D p = new Path2D.Double();
    p.moveTo(cx, cy - r);
    p.lineTo(cx + r, cy);
    p.lineTo(cx, cy + r);
    p.lineTo(cx - r, cy);
    p.closePath();
    g.setColor(new Color(rgb));
    g.fill(p);
  }

  @Override
  public void text(double x, double y, String s, int size, int rgb, int anchor, boolean bold, boolean rotate) {
    g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
    g.setColor(new Color(rgb));
    double w = g.getFontMetrics().stringWidth(s);
    double dx = anchor < 0 ? 0 : anchor > 0 ? -w : -w / 2;
    if (rotate) {
      AffineTransform saved = g.getTransform();
      g.rotate(-Math.PI / 2, x, y);
      g.drawString(s, (float) (x + dx), (float) y);
      g.setTransform(saved);
    } else {
      g.drawString(s, (float) (x + dx), (float) y);
    }
  }

  BufferedImage finish() {
    g.dispose();
    return image;
  }
}
