package dev.custody.bench.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custody.bench.checkpoint.FirewallWorkload.Method;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckpointSuiteTest {
  @Test
  void jsonHasExactlyTheIssueShape() {
    Map<Method, Double> medians = new EnumMap<>(Method.class);
    double v = 1;
    for (Method m : Method.values()) {
      medians.put(m, v++);
    }
    String json = new CheckpointSuite.Results(100000, true, medians, Map.of()).toJson();
    assertThat(json.strip()).isEqualTo(
        "{\"rules\": 100000, \"sharing_preserved\": true, \"results\": {\"custody_checkpoint_ms\": 1.000,"
            + " \"custody_restore_ms\": 2.000, \"identity_map_ms\": 3.000, \"fory_copy_ms\": 4.000,"
            + " \"kryo_copy_ms\": 5.000, \"java_serialization_ms\": 6.000,"
            + " \"custody_incremental_checkpoint_ms\": 7.000}, \"incremental_reused_fraction\": null}");
    assertThat(new CheckpointSuite.Results(1, true, medians, Map.of(), 0.98765).toJson())
        .contains("\"incremental_reused_fraction\": 0.9877}");
    assertThat(new CheckpointSuite.Results(1, true, medians, Map.of()).ratio(Method.FORY_COPY, Method.CUSTODY_CHECKPOINT))
        .isEqualTo(4.0);
  }

  @Test
  void benchmarkMethodNamesMatchTheMethods() throws Exception {
    for (Method m : Method.values()) {
      assertThat(CheckpointBenchmark.class.getMethod(CheckpointSuite.camel(m))).isNotNull();
    }
  }
}
