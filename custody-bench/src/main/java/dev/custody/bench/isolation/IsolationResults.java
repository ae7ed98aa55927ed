package dev.custody.bench.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of {@code custody bench isolation}, in the JSON shape of issue 3, plus a few
 * explanatory fields ({@code cpu_ghz_source}, {@code mode}, {@code length_sweep}, {@code paper}).
 *
 * @param cpuGhz nominal GHz used to turn ns into cycles
 * @param cpuGhzSource how {@code cpuGhz} was read
 * @param pipelineLength the pipeline length of {@code rows}
 * @param rows one row per batch size
 * @param recoveryMedianNs median time of a panic, its containment, the domain's clean-up and
 *     recovery, and the next successful call; the panic is a Java exception with a stack trace
 * @param rustLikeRecoveryMedianNs the same, with a panic made as Rust makes one by default (no
 *     backtrace captured): the paper's setting; NaN when not measured
 * @param lengthSweep overhead per call at one batch size for several pipeline lengths
 * @param quick whether the quick preset was used
 */
public record IsolationResults(
    double cpuGhz,
    String cpuGhzSource,
    int pipelineLength,
    List<Row> rows,
    double recoveryMedianNs,
    double rustLikeRecoveryMedianNs,
    List<SweepPoint> lengthSweep,
    boolean quick) {

  /** One batch size. All times in ns; cycles = ns × cpuGhz. */
  public record Row(
      int batch,
      double plainNsPerBatch,
      double protectedNsPerBatch,
      double overheadNsPerCall,
      double overheadCyclesPerCall,
      double copyOverheadCyclesPerCall,
      double maglevNsPerBatch) {}

  /** Overhead per call for one pipeline length (at {@code batch}). */
  public record SweepPoint(int length, int batch, double plainNsPerBatch,
      double protectedNsPerBatch, double overheadCyclesPerCall) {}

  public double recoveryMedianCycles() {
    return recoveryMedianNs * cpuGhz;
  }

  public double rustLikeRecoveryMedianCycles() {
    return rustLikeRecoveryMedianNs * cpuGhz;
  }

  /** The JSON document (pretty-printed, stable key order). */
  public String toJson() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("cpu_ghz", cpuGhz);
    root.put("cpu_ghz_source", cpuGhzSource);
    root.put("pipeline_length", pipelineLength);
    List<Object> rs = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("batch", r.batch());
      m.put("plain_ns_per_batch", r.plainNsPerBatch());
      m.put("protected_ns_per_batch", r.protectedNsPerBatch());
      m.put("overhead_ns_per_call", r.overheadNsPerCall());
      m.put("overhead_cycles_per_call", r.overheadCyclesPerCall());
      m.put("copy_overhead_cycles_per_call", r.copyOverheadCyclesPerCall());
      m.put("maglev_ns_per_batch", r.maglevNsPerBatch());
      rs.add(m);
    }
    root.put("rows", rs);
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("median_ns", recoveryMedianNs);
    rec.put("median_cycles", recoveryMedianCycles());
    rec.put("panic", "Java exception with a stack trace");
    root.put("recovery", rec);
    if (!Double.isNaN(rustLikeRecoveryMedianNs)) {
      Map<String, Object> rust = new LinkedHashMap<>();
      rust.put("median_ns", rustLikeRecoveryMedianNs);
      rust.put("median_cycles", rustLikeRecoveryMedianCycles());
      rust.put("panic", "message and unwinding, no backtrace captured (Rust's default panic)");
      root.put("recovery_rust_like_panic", rust);
    }
    List<Object> sw = new ArrayList<>();
    for (SweepPoint p : lengthSweep) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("length", p.length());
      m.put("batch", p.batch());
      m.put("plain_ns_per_batch", p.plainNsPerBatch());
      m.put("protected_ns_per_batch", p.protectedNsPerBatch());
      m.put("overhead_cycles_per_call", p.overheadCyclesPerCall());
      sw.add(m);
    }
    root.put("length_sweep", sw);
    root.put("mode", quick ? "quick" : "full");
    root.put("estimator", "median of JMH SampleTime samples (each a few microseconds, far below"
        + " a scheduler time slice), so preemption by other processes does not shift it;"
        + " JMH divides each sample by its operation count in whole ns, so per-batch times have"
        + " 1 ns resolution (0.2 ns = 0.5 cycles per call at length 5)");
    Map<String, Object> paper = new LinkedHashMap<>();
    paper.put("overhead_cycles_batch_1", 90);
    paper.put("overhead_cycles_batch_256", 122);
    paper.put("recovery_cycles", 4389);
    root.put("paper", paper);
    return Json.write(root);
  }

  /** Reads a document written by {@link #toJson()} (or any with the schema). */
  @SuppressWarnings("unchecked")
  public static IsolationResults fromJson(String text) {
    if (!(Json.parse(text) instanceof Map<?, ?> parsed)) {
      throw new IllegalArgumentException("isolation JSON: top level is not an object");
    }
    Map<String, Object> root = (Map<String, Object>) parsed;
    if (!(root.get("rows") instanceof List<?>)) {
      throw new IllegalArgumentException("isolation JSON: field 'rows' missing or not an array");
    }
    if (!(root.get("recovery") instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("isolation JSON: field 'recovery' missing or not an object");
    }
    List<Row> rows = new ArrayList<>();
    for (Object o : (List<Object>) root.get("rows")) {
      Map<String, Object> m = (Map<String, Object>) o;
      rows.add(new Row(num(m, "batch").intValue(), d(m, "plain_ns_per_batch"),
          d(m, "protected_ns_per_batch"), d(m, "overhead_ns_per_call"),
          d(m, "overhead_cycles_per_call"), d(m, "copy_overhead_cycles_per_call"),
          d(m, "maglev_ns_per_batch")));
    }
    List<SweepPoint> sweep = new ArrayList<>();
    Object sw = root.get("length_sweep");
    if (sw instanceof List<?> l) {
      for (Object o : l) {
        Map<String, Object> m = (Map<String, Object>) o;
        sweep.add(new SweepPoint(num(m, "length").intValue(), num(m, "batch").intValue(),
            d(m, "plain_ns_per_batch"), d(m, "protected_ns_per_batch"),
            d(m, "overhead_cycles_per_call")));
      }
    }
    Map<String, Object> rec = (Map<String, Object>) root.get("recovery");
    double rust = root.get("recovery_rust_like_panic") instanceof Map<?, ?> m
        ? d((Map<String, Object>) m, "median_ns") : Double.NaN;
    Object src = root.get("cpu_ghz_source");
    return new IsolationResults(d(root, "cpu_ghz"), src == null ? "unknown" : src.toString(),
        num(root, "pipeline_length").intValue(), rows, d(rec, "median_ns"), rust, sweep,
        "quick".equals(root.get("mode")));
  }

  private static Number num(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("isolation JSON: field '" + key + "' missing or not a number");
    }
    return n;
  }

  private static double d(Map<String, Object> m, String key) {
    return num(m, key).doubleValue();
  }
}
