package dev.custody.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code custody bench isolation|checkpoint [--quick] --json FILE}: the JMH benchmarks. */
@Command(
    name = "bench",
    description = "Run a benchmark suite and write its results as JSON.",
    subcommands = {BenchIsolationCommand.class, BenchCheckpointCommand.class})
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(System.err);
    return 2;
  }
}
