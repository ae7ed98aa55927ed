package dev.custody.cli.report;

import dev.custody.bench.isolation.IsolationResults;
import dev.custody.bench.isolation.IsolationTargets;
import dev.custody.bench.isolation.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Writes the report of the last benchmark results: Figure 2 (PNG and SVG) from the isolation
 * JSON, a bar chart (PNG and SVG) from the checkpoint JSON if present, and a Markdown page with
 * the tables and the targets. Uses headless AWT. Not thread-safe.
 */
public final class Report {
  /** What was written. */
  public record Written(List<Path> files) {}

  private Report() {}

  public static Written write(Path isolationJson, Path checkpointJson, Path outDir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(outDir);
    List<Path> files = new ArrayList<>();
    StringBuilder md = new StringBuilder("# Custody benchmark report\n\n");

    if (isolationJson != null && Files.exists(isolationJson)) {
      IsolationResults r;
      try {
        r = IsolationResults.fromJson(Files.readString(isolationJson));
      } catch (RuntimeException e) {
        throw new IOException(isolationJson + ": not an isolation results file: " + e.getMessage(), e);
      }
      SvgCanvas svg = new SvgCanvas(Figure2Chart.WIDTH, Figure2Chart.HEIGHT);
      Figure2Chart.draw(svg, r);
      PngCanvas png = new PngCanvas(Figure2Chart.WIDTH, Figure2Chart.HEIGHT);
      Figure2Chart.draw(png, r);
      files.add(writeSvg(outDir.resolve("figure2.svg"), svg));
      files.add(writePng(outDir.resolve("figure2.png"), png));
      isolationSection(md, r, isolationJson);
    }
    if (checkpointJson != null && Files.exists(checkpointJson)) {
      List<BarChart.Bar> bars = checkpointBars(checkpointJson);
      int h = BarChart.height(bars.size());
      SvgCanvas svg = new SvgCanvas(BarChart.WIDTH, h);
      BarChart.draw(svg, "Checkpoint benchmark (lower is better)", "ms", bars);
      PngCanvas png = new PngCanvas(BarChart.WIDTH, h);
      BarChart.draw(png, "Checkpoint benchmark (lower is better)", "ms", bars);
      files.add(writeSvg(outDir.resolve("checkpoint.svg"), svg));
      files.add(writePng(outDir.resolve("checkpoint.png"), png));
      md.append("## Checkpointing\n\nFrom `").append(checkpointJson).append("`.\n\n")
          .append("![checkpoint](checkpoint.png)\n\n| method | ms |\n|---|---:|\n");
      for (BarChart.Bar b : bars) {
        md.append(String.format(Locale.ROOT, "| %s | %.3f |%n", b.label(), b.value()));
      }
      md.append('\n');
    }
    if (files.isEmpty()) {
      throw new IOException("no results to report: " + isolationJson + " does not exist"
          + (checkpointJson != null ? " and neither does " + checkpointJson : "")
          + "; run ./custody bench isolation --quick --json " + isolationJson + " first");
    }
    Path page = outDir.resolve("report.md");
    Files.writeString(page, md.toString());
    files.add(page);
    return new Written(files);
  }

  @SuppressWarnings("unchecked")
  static List<BarChart.Bar> checkpointBars(Path json) throws IOException {
    Map<String, Object> root;
    try {
      root = (Map<String, Object>) Json.parse(Files.readString(json));
    } catch (RuntimeException e) {
      throw new IOException(json + ": not valid JSON: " + e.getMessage(), e);
    }
    if (!(root.get("results") instanceof Map<?, ?> results)) {
      throw new IOException(json + ": no \"results\" object");
    }
    List<BarChart.Bar> bars = new ArrayList<>();
    for (Map.Entry<?, ?> e : results.entrySet()) {
      if (e.getValue() instanceof Number n) {
        bars.add(new BarChart.Bar(e.getKey().toString().replaceAll("_ms$", "").replace('_', ' '),
            n.doubleValue()));
      }
    }
    return bars;
  }

  private static void recoveryRow(StringBuilder md, IsolationResults r, IsolationResults.Recovery rec) {
    md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f |%n", rec.panic(),
        rec.medianNs(), r.cycles(rec.medianNs()), r.cycles(rec.withoutDomainNs()),
        r.cycles(rec.domainShareNs())));
  }

  private static void isolationSection(StringBuilder md, IsolationResults r, Path src) {
    md.append("## Isolation: cost of a protected call (paper Figure 2)\n\n")
        .append("From `").append(src).append("` (").append(r.quick() ? "quick" : "full")
        .append(" preset). Cycles = ns × ").append(String.format(Locale.ROOT, "%.3f", r.cpuGhz()))
        .append(" GHz, read from ").append(r.cpuGhzSource()).append(".\n\n")
        .append("![figure 2](figure2.png)\n\n")
        .append("Pipeline of ").append(r.pipelineLength())
        .append(" null filters. Overhead per call = (protected − plain) / length.\n\n")
        .append("| batch | plain ns/batch | protected ns/batch | overhead ns/call | overhead cycles/call "
            + "| copy overhead cycles/call | Maglev ns/batch | overhead / Maglev |\n")
        .append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (IsolationResults.Row row : r.rows()) {
      md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.2f | %.1f | %.0f | %.1f | %.2f%% |%n",
          row.batch(), row.plainNsPerBatch(), row.protectedNsPerBatch(), row.overheadNsPerCall(),
          row.overheadCyclesPerCall(), row.copyOverheadCyclesPerCall(), row.maglevNsPerBatch(),
          100 * row.overheadNsPerCall() / row.maglevNsPerBatch()));
    }
    md.append("\nRecovery: a panic in a protected null filter, caught at the domain entry, the domain"
        + " cleaned up and recovered, and the next call succeeding. Median; paper: 4389 cycles. The"
        + " baseline is the same throw, catch and next call around the same filter without a"
        + " domain.\n\n| panic | recovery ns | recovery cycles | without a domain, cycles"
        + " | the domain adds, cycles |\n|---|---:|---:|---:|---:|\n");
    recoveryRow(md, r, r.recovery());
    if (r.recoveryJavaException() != null) {
      recoveryRow(md, r, r.recoveryJavaException());
    }
    md.append('\n');
    if (!r.lengthSweep().isEmpty()) {
      md.append("Overhead per call by pipeline length (the paper found it independent of length):\n\n")
          .append("| length | batch | plain ns | protected ns | overhead cycles/call |\n|---:|---:|---:|---:|---:|\n");
      for (IsolationResults.SweepPoint p : r.lengthSweep()) {
        md.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f |%n", p.length(), p.batch(),
            p.plainNsPerBatch(), p.protectedNsPerBatch(), p.overheadCyclesPerCall()));
      }
      md.append('\n');
    }
    md.append("### Targets\n\n| target | holds | measured |\n|---|---|---|\n");
    for (IsolationTargets.Check c : IsolationTargets.evaluate(r)) {
      md.append("| ").append(c.target()).append(" | ").append(c.holds() ? "yes" : "**no**").append(" | ")
          .append(c.measured()).append(" |\n");
    }
    md.append('\n');
  }

  private static Path writeSvg(Path file, SvgCanvas svg) throws IOException {
    Files.writeString(file, svg.finish());
    return file;
  }

  private static Path writePng(Path file, PngCanvas png) throws IOException {
    if (!ImageIO.write(png.finish(), "png", file.toFile())) {
      throw new IOException("no PNG writer available for " + file);
    }
    return file;
  }
}
