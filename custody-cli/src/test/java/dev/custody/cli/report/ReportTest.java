package dev.custody.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custody.bench.isolation.IsolationResults;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  static IsolationResults sample() {
    List<IsolationResults.Row> rows = new ArrayList<>();
    for (int b = 1; b <= 256; b *= 2) {
      rows.add(new IsolationResults.Row(b, 10, 30, 4, 9.8, 200.0 * b, 35.0 * b + 50));
    }
    return new IsolationResults(2.445, "test cpu", 5, rows,
        new IsolationResults.Recovery("a Panic", 300, 100),
        new IsolationResults.Recovery("a Java exception", 2400, 2000),
        List.of(new IsolationResults.SweepPoint(1, 32, 10, 14, 9.8)), true);
  }

  @Test
  void writesFigure2PngSvgAndMarkdownAndCheckpointBars(@TempDir Path dir) throws Exception {
    Path iso = dir.resolve("isolation.json");
    Files.writeString(iso, sample().toJson());
    Path cp = dir.resolve("checkpoint.json");
    Files.writeString(cp, "{\"rules\": 100000, \"sharing_preserved\": true, \"results\": "
        + "{\"custody_checkpoint_ms\": 12.5, \"custody_restore_ms\": 10.1, \"fory_copy_ms\": 80.0}}");
    Path out = dir.resolve("report");
    Report.Written w = Report.write(iso, cp, out);
    assertThat(w.files()).extracting(p -> p.getFileName().toString())
        .containsExactly("figure2.svg", "figure2.png", "checkpoint.svg", "checkpoint.png", "report.md");
    BufferedImage png = ImageIO.read(out.resolve("figure2.png").toFile());
    assertThat(png.getWidth()).isEqualTo(Figure2Chart.WIDTH);
    String svg = Files.readString(out.resolve("figure2.svg"));
    assertThat(svg).startsWith("<svg").contains("paper (NetBricks): 90..122").contains("256").endsWith("</svg>\n");
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).contains("| 256 |").contains("![figure 2](figure2.png)").contains("Targets")
        .contains("custody checkpoint")
        .contains("| a Panic | 300 | 734 | 244 | 489 |")
        .contains("| a Java exception | 2400 | 5868 | 4890 | 978 |");
    assertThat(Files.readString(out.resolve("checkpoint.svg"))).contains("fory copy");
  }

  @Test
  void missingResultsAreAClearError(@TempDir Path dir) {
    assertThatThrownBy(() -> Report.write(dir.resolve("none.json"), null, dir.resolve("o")))
        .hasMessageContaining("none.json does not exist").hasMessageContaining("bench isolation");
  }

  @Test
  void badJsonIsAClearError(@TempDir Path dir) throws Exception {
    Path iso = dir.resolve("isolation.json");
    Files.writeString(iso, "{\"cpu_ghz\": 2.4}");
    assertThatThrownBy(() -> Report.write(iso, null, dir.resolve("o")))
        .hasMessageContaining("isolation.json").hasMessageContaining("rows");
  }
}
