package dev.custody.cli.demo;

import dev.custody.domains.confine.ConfinedDemoSupport;
import java.io.PrintStream;

/**
 * Part four of the demo: a pipeline stage loaded from a jar the build produces, as a confined
 * domain with its own class loader, and a hostile jar refused by the bytecode validator.
 */
public final class ConfinementTour {
  private final Style out;
  private final PrintStream ps;

  public ConfinementTour(Style out, PrintStream ps) {
    this.out = out;
    this.ps = ps;
  }

  public boolean run() {
    out.section("4", "Confinement: a stage from a jar, in its own class loader; a hostile jar refused");
    return ConfinedDemoSupport.run(ConfinedDemoSupport.home(), ps);
  }
}
