package dev.custody.cli;

import dev.custody.domains.confine.ConfinedDomains;
import dev.custody.domains.confine.ConfinementPolicy;
import dev.custody.domains.confine.UnreadableClassException;
import dev.custody.domains.confine.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code custody validate PATH}: checks a jar or class directory against the default confinement
 * policy. Exit 0 accepted, 1 rejected (one line per violation on stdout), 2 unreadable input.
 */
@Command(
    name = "validate",
    description = "Check a jar or class directory against the default confinement policy."
        + " Exit 0 accepted, 1 rejected (one line per violation), 2 unreadable input.")
public final class ValidateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PATH", description = "A jar or a class directory.")
  Path path;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Violation> violations;
    try {
      violations = ConfinedDomains.validate(path, ConfinementPolicy.defaults());
    } catch (UnreadableClassException e) {
      err.println("custody validate: " + e.getMessage());
      err.flush();
      return 2;
    }
    if (violations.isEmpty()) {
      out.println(path + ": accepted by the default confinement policy");
      out.flush();
      return 0;
    }
    violations.forEach(out::println);
    out.flush();
    err.println(path + ": rejected, " + violations.size() + " violation"
        + (violations.size() == 1 ? "" : "s"));
    err.flush();
    return 1;
  }
}
