package dev.custody.bench.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IsolationResultsTest {
  /** Recovery with a Panic takes recoveryNs (200 ns without a domain); with a Java exception 2 µs more. */
  static IsolationResults sample(double overheadAt256, double recoveryNs) {
    List<IsolationResults.Row> rows = new ArrayList<>();
    for (int b = 1; b <= 256; b *= 2) {
      double over = b == 256 ? overheadAt256 : 4.0;
      rows.add(new IsolationResults.Row(b, 10 + b, 10 + b + 5 * over / 2.445, over / 2.445, over,
          300.0 * b, 40.0 * b + 100));
    }
    return new IsolationResults(2.445, "test", 5, rows,
        new IsolationResults.Recovery("panic", recoveryNs, 200),
        new IsolationResults.Recovery("exception", recoveryNs + 2000, 2200),
        List.of(new IsolationResults.SweepPoint(1, 32, 40, 42, 4.9)), true);
  }

  @Test
  void jsonHasTheIssueSchemaAndRoundTrips() {
    IsolationResults r = sample(5, 1000);
    String json = r.toJson();
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) Json.parse(json);
    assertThat(root).containsKeys("cpu_ghz", "pipeline_length", "rows", "recovery");
    assertThat(root.get("pipeline_length")).isEqualTo(5L);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) root.get("rows");
    assertThat(rows).hasSize(9);
    assertThat(rows.get(0)).containsOnlyKeys("batch", "plain_ns_per_batch", "protected_ns_per_batch",
        "overhead_ns_per_call", "overhead_cycles_per_call", "copy_overhead_cycles_per_call",
        "maglev_ns_per_batch");
    assertThat(rows.get(8).get("batch")).isEqualTo(256L);
    @SuppressWarnings("unchecked")
    Map<String, Object> rec = (Map<String, Object>) root.get("recovery");
    assertThat((Double) rec.get("median_cycles")).isEqualTo(2445.0);
    assertThat((Double) rec.get("domain_share_cycles")).isCloseTo(800 * 2.445, within(1e-9));
    assertThat(rec.get("panic")).isEqualTo("panic");
    IsolationResults back = IsolationResults.fromJson(json);
    assertThat(back.rows()).hasSize(9);
    assertThat(back.rows().get(8).overheadCyclesPerCall()).isEqualTo(5.0);
    assertThat(back.recovery()).isEqualTo(r.recovery());
    assertThat(back.recoveryJavaException()).isEqualTo(r.recoveryJavaException());
    @SuppressWarnings("unchecked")
    Map<String, Object> java = (Map<String, Object>) root.get("recovery_java_exception");
    assertThat((Double) java.get("median_cycles")).isCloseTo(3000 * 2.445, within(1e-9));
    assertThat((Double) java.get("without_domain_cycles")).isCloseTo(2200 * 2.445, within(1e-9));
    assertThat(back.lengthSweep()).hasSize(1);
  }

  @Test
  void targetsAreEvaluatedFromTheNumbers() {
    List<IsolationTargets.Check> ok = IsolationTargets.evaluate(sample(5, 1000));
    assertThat(ok).allMatch(IsolationTargets.Check::holds);
    List<IsolationTargets.Check> bad = IsolationTargets.evaluate(sample(40, 2000));
    assertThat(bad.get(0).holds()).isFalse(); // 40 > 30 cycles
    assertThat(bad.get(1).holds()).isFalse(); // 40 vs 4: not flat
    assertThat(bad.get(4).holds()).isFalse(); // 2000 ns x 2.445 = 4890 cycles > 4389
    // Java exception: 4000 ns in all, 2200 without a domain: the domain adds 1800 ns = 4401 cycles.
    assertThat(bad.get(5).holds()).isFalse();
    assertThat(bad.get(5).measured()).contains("9780 cycles in all").contains("5379 without any domain");
    // 1700 ns: the Panic holds (4157 cycles); the domain's share with an exception, 1500 ns, too.
    List<IsolationTargets.Check> mid = IsolationTargets.evaluate(sample(5, 1700));
    assertThat(mid.get(4).holds()).isTrue(); // 1700 ns = 4157 cycles
    assertThat(mid.get(5).holds()).isTrue();
  }

  @Test
  void malformedJsonNamesTheOffset() {
    assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2,}")).hasMessageContaining("offset");
    assertThatThrownBy(() -> IsolationResults.fromJson("{\"rows\": []}"))
        .hasMessageContaining("recovery");
  }

  @Test
  void cpuGhzFromModelNameOrCpuMhz() {
    assertThat(CpuInfo.parse(List.of("model name\t: Intel(R) Xeon(R) CPU E5530 @ 2.40GHz",
        "cpu MHz\t\t: 1600.000")).ghz()).isEqualTo(2.40);
    CpuInfo amd = CpuInfo.parse(List.of("model name\t: AMD EPYC", "cpu MHz\t\t: 2445.430"));
    assertThat(amd.ghz()).isEqualTo(2.445);
    assertThat(amd.source()).contains("cpu MHz");
  }
}
