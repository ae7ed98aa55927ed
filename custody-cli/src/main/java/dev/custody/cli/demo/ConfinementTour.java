package dev.custody.cli.demo;

import dev.custody.domains.confine.ConfinedDemoSupport;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Part four of the demo: confinement up close. A stage from the jar the build produces (the same
 * jar part two's router came from) is loaded as a confined domain, made to fail, and recovered
 * with a fresh class loader, so its statics start clean; then a hostile jar, also built, is
 * refused by the bytecode validator with every violation.
 */
public final class ConfinementTour {
  private final Style out;
  private final PrintStream ps;
  private final Path home;

  /** A tour finding the jars under {@link ConfinedDemoSupport#home()}. */
  public ConfinementTour(Style out, PrintStream ps) {
    this(out, ps, ConfinedDemoSupport.home());
  }

  /** A tour finding the jars under the Custody home {@code home}. */
  public ConfinementTour(Style out, PrintStream ps, Path home) {
    this.out = out;
    this.ps = ps;
    this.home = home;
  }

  /** Runs the tour; returns true when the stage recovered clean and the hostile jar was refused. */
  public boolean run() {
    out.section("4", "Confinement: fresh statics after recovery; a hostile jar refused");
    return ConfinedDemoSupport.run(home, ps);
  }
}
