package dev.custody.bench.checkpoint;

import dev.custody.netfn.firewall.RuleDatabase;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Question (paper §5, Figure 3): when aliasing is explicit in the type, how much faster is a
 * generated checkpoint of a pointer-linked structure than copying it the conventional way?
 *
 * <p>Workload: the firewall rule database with {@code rules} rules, each reachable three ways
 * (rule list, source-prefix trie, destination-prefix trie). Compared in one run:
 * <ul>
 *   <li>{@code custodyCheckpoint}: the generated traversal, {@code Shared} marks (no map);
 *   <li>{@code custodyRestore}: a fresh graph from a checkpoint (the same generated code);
 *   <li>{@code identityMap}: the same generated traversal recording every object in an
 *       {@code IdentityHashMap} (the conventional approach);
 *   <li>{@code foryCopy}: Apache Fory {@code copy} with reference tracking;
 *   <li>{@code kryoCopy}: Kryo 5 {@code copy} with references (records deep-copied);
 *   <li>{@code javaSerialization}: an {@code ObjectOutputStream}/{@code ObjectInputStream}
 *       round trip through memory;
 *   <li>{@code custodyIncrementalCheckpoint}: second question, how much does an incremental
 *       checkpoint save when 1% of the rules changed? An incremental checkpoint of the database
 *       with every 100th rule replaced, against the checkpoint of the original; its baseline is
 *       {@code custodyCheckpoint}, a full checkpoint of a database of the same size and shape.
 *       The incremental snapshot reuses the unchanged rules, trie nodes and lists of the earlier
 *       one; {@code custody bench checkpoint} reports the fraction of objects reused.
 * </ul>
 * Every method's last copy is checked at tear-down: the same rules, each one object shared by
 * the list and both tries, nothing in common with the live graph; a failure fails the run, and
 * the result goes to the file named by the system property {@value #SHARING_LOG}, if set.
 * Sample time (ms per copy; the command reports medians).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xms3g",
      "-Xmx3g",
      "--sun-misc-unsafe-memory-access=allow",
      "--enable-native-access=ALL-UNNAMED",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED"
    })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CheckpointBenchmark {
  @Param("100000")
  public int rules;

  private FirewallWorkload workload;
  private FirewallWorkload.Method method;
  private RuleDatabase last;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    workload = new FirewallWorkload(rules, 2017);
    String name = params.getBenchmark();
    method = switch (name.substring(name.lastIndexOf('.') + 1)) {
      case "custodyCheckpoint" -> FirewallWorkload.Method.CUSTODY_CHECKPOINT;
      case "custodyRestore" -> FirewallWorkload.Method.CUSTODY_RESTORE;
      case "identityMap" -> FirewallWorkload.Method.IDENTITY_MAP;
      case "foryCopy" -> FirewallWorkload.Method.FORY_COPY;
      case "kryoCopy" -> FirewallWorkload.Method.KRYO_COPY;
      case "javaSerialization" -> FirewallWorkload.Method.JAVA_SERIALIZATION;
      case "custodyIncrementalCheckpoint" -> FirewallWorkload.Method.CUSTODY_INCREMENTAL_CHECKPOINT;
      default -> throw new IllegalArgumentException("unknown benchmark " + name);
    };
  }

  /** System property naming a file to which each fork appends its sharing check result. */
  public static final String SHARING_LOG = "custody.bench.sharingLog";

  @TearDown(Level.Trial)
  public void checkSharing() throws java.io.IOException {
    String problem = last == null ? "no copy was made" : workload.sharingProblem(method, last);
    String log = System.getProperty(SHARING_LOG);
    if (log != null) {
      java.nio.file.Files.writeString(java.nio.file.Path.of(log),
          method + "\t" + (problem == null ? "ok" : problem) + "\n",
          java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
    if (problem != null) {
      throw new IllegalStateException(method + " broke the rule graph: " + problem);
    }
  }

  @Benchmark
  public RuleDatabase custodyCheckpoint() {
    return last = workload.copy(FirewallWorkload.Method.CUSTODY_CHECKPOINT);
  }

  @Benchmark
  public RuleDatabase custodyRestore() {
    return last = workload.copy(FirewallWorkload.Method.CUSTODY_RESTORE);
  }

  @Benchmark
  public RuleDatabase identityMap() {
    return last = workload.copy(FirewallWorkload.Method.IDENTITY_MAP);
  }

  @Benchmark
  public RuleDatabase foryCopy() {
    return last = workload.copy(FirewallWorkload.Method.FORY_COPY);
  }

  @Benchmark
  public RuleDatabase kryoCopy() {
    return last = workload.copy(FirewallWorkload.Method.KRYO_COPY);
  }

  @Benchmark
  public RuleDatabase javaSerialization() {
    return last = workload.copy(FirewallWorkload.Method.JAVA_SERIALIZATION);
  }

  @Benchmark
  public RuleDatabase custodyIncrementalCheckpoint() {
    return last = workload.copy(FirewallWorkload.Method.CUSTODY_INCREMENTAL_CHECKPOINT);
  }
}
