package dev.custody.cli.demo;

import java.io.PrintStream;

/** Terminal styling for the demo: colour only when writing to a terminal. */
public final class Style {
  private final PrintStream ps;
  private final boolean colour;

  public Style(PrintStream ps, boolean colour) {
    this.ps = ps;
    this.colour = colour;
  }

  /** Styles {@code System.out}, with colour when a console is attached and NO_COLOR is unset. */
  public static Style forStdout() {
    boolean tty = System.console() != null && System.console().isTerminal();
    return new Style(System.out, tty && System.getenv("NO_COLOR") == null);
  }

  public void title(String s) {
    ps.println(paint("1", s));
    ps.println("═".repeat(Math.min(78, s.length())));
  }

  public void section(String n, String s) {
    ps.println();
    ps.println(paint("1;36", n + ". " + s));
    ps.println(paint("36", "─".repeat(Math.min(78, s.length() + n.length() + 2))));
  }

  public void line(String s) {
    ps.println("  " + s);
  }

  public void blank() {
    ps.println();
  }

  public String good(String s) {
    return paint("32", s);
  }

  public String bad(String s) {
    return paint("31", s);
  }

  public String warn(String s) {
    return paint("33", s);
  }

  public String bold(String s) {
    return paint("1", s);
  }

  private String paint(String code, String s) {
    return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
