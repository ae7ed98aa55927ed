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
 * @param recovery a {@link dev.custody.domains.Panic} in a protected null filter: the paper's
 *     recovery experiment
 * @param recoveryJavaException the same with an ordinary Java exception; null when not measured
 * @param lengthSweep overhead per call at one batch size for several pipeline lengths
 * @param quick whether the quick preset was used
 */
public record IsolationResults(
    double cpuGhz,
    String cpuGhzSource,
    int pipelineLength,
    List<Row> rows,
    Recovery recovery,
    Recovery recoveryJavaException,
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

  /**
   * One recovery measurement.
   *
   * @param panic what the failing filter throws
   * @param medianNs median of: the failing call, its containment, the domain's clean-up and
   *     recovery, and the next successful call
   * @param withoutDomainNs median of the same throw, catch and next call around the same filter
   *     called as a plain function (the baseline in the same run); NaN when not measured
   */
  public record Recovery(String panic, double medianNs, double withoutDomainNs) {
    /** What the domain adds to the failure itself: containment, clean-up and recovery. */
    public double domainShareNs() {
      return medianNs - withoutDomainNs;
    }
  }

  public double cycles(double ns) {
    return ns * cpuGhz;
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
    root.put("recovery", recoveryJson(recovery));
    if (recoveryJavaException != null) {
      root.put("recovery_java_exception", recoveryJson(recoveryJavaException));
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

  private Map<String, Object> recoveryJson(Recovery r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median_ns", r.medianNs());
    m.put("median_cycles", cycles(r.medianNs()));
    m.put("panic", r.panic());
    if (!Double.isNaN(r.withoutDomainNs())) {
      m.put("without_domain_ns", r.withoutDomainNs());
      m.put("without_domain_cycles", cycles(r.withoutDomainNs()));
      m.put("domain_share_cycles", cycles(r.domainShareNs()));
    }
    return m;
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
    Recovery rec = recoveryFrom((Map<String, Object>) root.get("recovery"));
    Recovery java = root.get("recovery_java_exception") instanceof Map<?, ?> m
        ? recoveryFrom((Map<String, Object>) m) : null;
    Object src = root.get("cpu_ghz_source");
    return new IsolationResults(d(root, "cpu_ghz"), src == null ? "unknown" : src.toString(),
        num(root, "pipeline_length").intValue(), rows, rec, java, sweep,
        "quick".equals(root.get("mode")));
  }

  private static Recovery recoveryFrom(Map<String, Object> m) {
    Object panic = m.get("panic");
    double without = m.get("without_domain_ns") == null ? Double.NaN : d(m, "without_domain_ns");
    return new Recovery(panic == null ? "unspecified" : panic.toString(), d(m, "median_ns"), without);
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
