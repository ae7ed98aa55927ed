package dev.custody.cli;

import dev.custody.cli.report.Report;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code custody report}: plots of the last benchmark results (Figure 2 from the isolation JSON,
 * a bar chart from the checkpoint JSON if present) as PNG and SVG, and a Markdown page with the
 * tables. Exit 0 on success, 1 if there is nothing to report or a file is unreadable.
 */
@Command(name = "report", description = "Draw the last benchmark results (Figure 2, checkpoint) as PNG/SVG + Markdown.")
public final class ReportCommand implements Callable<Integer> {
  @Option(names = "--json", paramLabel = "FILE",
      description = "Isolation results (default: custody-results/isolation.json).")
  Path json = BenchIsolationCommand.DEFAULT_JSON;

  @Option(names = "--checkpoint-json", paramLabel = "FILE",
      description = "Checkpoint results, plotted if the file exists (default: custody-results/checkpoint.json).")
  Path checkpointJson = Path.of("custody-results", "checkpoint.json");

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: custody-results/report).")
  Path out = Path.of("custody-results", "report");

  @Override
  public Integer call() {
    try {
      Report.Written w = Report.write(json, checkpointJson, out);
      for (Path p : w.files()) {
        System.out.println("wrote " + p);
      }
      return 0;
    } catch (java.io.IOException e) {
      System.err.println("custody report: " + e.getMessage());
      return 1;
    }
  }
}
