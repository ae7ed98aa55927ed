package dev.custody.bench.isolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU's nominal frequency, for converting nanoseconds to cycles (perf counters are not
 * available on these VMs). Read from {@code /proc/cpuinfo}: the "@ X.XXGHz" of the model name
 * when present (the rated frequency), else the first "cpu MHz" line (what the hypervisor
 * reports). Immutable.
 *
 * @param ghz nominal GHz
 * @param source how it was obtained, for the JSON and the report
 */
public record CpuInfo(double ghz, String source) {
  private static final Pattern MODEL_GHZ = Pattern.compile("@\\s*([0-9.]+)\\s*GHz");

  /** Reads {@code /proc/cpuinfo}; falls back to 2.445 GHz (this project's machines) if unreadable. */
  public static CpuInfo detect() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/cpuinfo")));
    } catch (IOException | RuntimeException e) {
      return new CpuInfo(2.445, "default 2.445 GHz: /proc/cpuinfo unreadable (" + e + ")");
    }
  }

  static CpuInfo parse(List<String> lines) {
    String model = null;
    Double mhz = null;
    for (String l : lines) {
      int colon = l.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = l.substring(0, colon).trim();
      String value = l.substring(colon + 1).trim();
      if (model == null && key.equals("model name")) {
        model = value;
      } else if (mhz == null && key.equals("cpu MHz")) {
        mhz = Double.parseDouble(value);
      }
    }
    if (model != null) {
      Matcher m = MODEL_GHZ.matcher(model);
      if (m.find()) {
        return new CpuInfo(Double.parseDouble(m.group(1)),
            "/proc/cpuinfo model name \"" + model + "\" (rated GHz)");
      }
    }
    if (mhz != null) {
      double ghz = Math.round(mhz) / 1000.0;
      return new CpuInfo(ghz, "/proc/cpuinfo first \"cpu MHz\" = " + mhz + " (model name \""
          + model + "\" states no GHz)");
    }
    throw new IllegalStateException("no model-name GHz and no cpu MHz in /proc/cpuinfo");
  }
}
