package dev.custody.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code custody demo}: the main job, a tour of isolation, recovery and checkpointing. */
@Command(name = "demo", description = "Run the demo: domains, a fault, recovery.")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println("Custody demo");
    return 0;
  }
}
