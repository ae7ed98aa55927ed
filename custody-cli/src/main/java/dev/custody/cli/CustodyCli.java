package dev.custody.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code custody} command. The launcher script {@code ./custody} finds a JDK and runs it. */
@Command(
    name = "custody",
    mixinStandardHelpOptions = true,
    scope = CommandLine.ScopeType.INHERIT, // --help on every subcommand
    version = "custody 0.1.0",
    description = "Rust-style ownership for the JVM: isolation, analysis, automation.",
    subcommands = {
      DemoCommand.class,
      CheckCommand.class,
      ValidateCommand.class,
      BenchCommand.class,
      ReportCommand.class
    })
public final class CustodyCli implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; an unknown subcommand prints help, exit 2. */
  public static int run(String... args) {
    CommandLine cl = new CommandLine(new CustodyCli());
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println(ex.getMessage());
      ex.getCommandLine().usage(ex.getCommandLine().getErr());
      return 2;
    });
    return cl.execute(args);
  }
}
