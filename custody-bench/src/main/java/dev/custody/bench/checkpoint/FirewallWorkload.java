package dev.custody.bench.checkpoint;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import dev.custody.checkpoint.Checkpoint;
import dev.custody.checkpoint.Checkpoints;
import dev.custody.netfn.firewall.Action;
import dev.custody.netfn.firewall.InvalidRuleUpdateException;
import dev.custody.netfn.firewall.PortRange;
import dev.custody.netfn.firewall.Prefix;
import dev.custody.netfn.firewall.Rule;
import dev.custody.netfn.firewall.RuleDatabase;
import dev.custody.netfn.firewall.RuleDatabase_Checkpoint;
import dev.custody.netfn.firewall.RuleUpdate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.fory.Fory;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The checkpoint benchmark's workload and the ways of copying it, shared by the JMH benchmark
 * and the sharing check of {@code custody bench checkpoint}. For the incremental checkpoint it
 * also keeps a second database: a restore of the original with 1% of the rules replaced.
 *
 * <p>Workload: the firewall rule database of the paper's Figure 3 with {@code n} random rules
 * (prefix lengths 8..32, a third with port ranges, TCP/UDP/any), each rule reachable three ways:
 * the rule list, the source-prefix trie and the destination-prefix trie.
 *
 * <p>Not thread-safe: one instance per thread (Fory and Kryo instances are not thread-safe).
 */
public final class FirewallWorkload {
  /** The copy methods, with their JSON keys. */
  public enum Method {
    CUSTODY_CHECKPOINT("custody_checkpoint_ms"),
    CUSTODY_RESTORE("custody_restore_ms"),
    IDENTITY_MAP("identity_map_ms"),
    FORY_COPY("fory_copy_ms"),
    KRYO_COPY("kryo_copy_ms"),
    JAVA_SERIALIZATION("java_serialization_ms"),
    /** Incremental checkpoint of the changed database against the checkpoint of the original. */
    CUSTODY_INCREMENTAL_CHECKPOINT("custody_incremental_checkpoint_ms");

    public final String jsonKey;

    Method(String jsonKey) {
      this.jsonKey = jsonKey;
    }
  }

  private final RuleDatabase db;
  private final Checkpoint<RuleDatabase> checkpoint;
  private final RuleDatabase changed;
  private Fory fory;
  private Kryo kryo;

  public FirewallWorkload(int rules, long seed) {
    this.db = build(rules, seed);
    this.checkpoint = db.checkpoint();
    this.changed = checkpoint.restore();
    changeOnePercent(changed, seed);
  }

  /** Share of the rules {@link #changeOnePercent} replaces: one in a hundred. */
  public static final int CHANGE_EVERY = 100;

  /**
   * Replaces every {@value #CHANGE_EVERY}th rule (1%) with a new random rule of the same
   * priority: new prefixes (so trie positions move), ports, protocol and action.
   */
  public static void changeOnePercent(RuleDatabase db, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Rule> rules = db.rules();
    List<RuleUpdate> batch = new ArrayList<>(rules.size() / CHANGE_EVERY + 1);
    for (int i = CHANGE_EVERY / 2; i < rules.size(); i += CHANGE_EVERY) {
      batch.add(new RuleUpdate.Replace(randomRule(rnd, rules.get(i).priority())));
    }
    try {
      db.apply(batch);
    } catch (InvalidRuleUpdateException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The database after {@link #changeOnePercent}: what the incremental benchmark checkpoints
   * against {@link #checkpoint()}, the checkpoint of the original.
   */
  public RuleDatabase changedDatabase() {
    return changed;
  }

  /** An incremental checkpoint of {@link #changedDatabase()} against {@link #checkpoint()}. */
  public Checkpoint<RuleDatabase> incrementalCheckpoint() {
    return Checkpoints.takeIncremental(changed, checkpoint, RuleDatabase_Checkpoint.INSTANCE);
  }

  /** The live database. */
  public RuleDatabase database() {
    return db;
  }

  /** The checkpoint the restore benchmark restores from. */
  public Checkpoint<RuleDatabase> checkpoint() {
    return checkpoint;
  }

  /** A rule database with {@code rules} random rules. */
  public static RuleDatabase build(int rules, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<RuleUpdate> batch = new ArrayList<>(rules);
    for (int i = 0; i < rules; i++) {
      batch.add(new RuleUpdate.Add(randomRule(rnd, i * 10)));
    }
    RuleDatabase db = new RuleDatabase(Action.DENY);
    try {
      db.apply(batch);
    } catch (InvalidRuleUpdateException e) {
      throw new IllegalStateException(e);
    }
    return db;
  }

  private static Rule randomRule(SplittableRandom rnd, int priority) {
    int[] lengths = {8, 12, 16, 16, 20, 24, 24, 24, 28, 32};
    Prefix src = Prefix.of(rnd.nextInt(), lengths[rnd.nextInt(lengths.length)]);
    Prefix dst = Prefix.of(rnd.nextInt(), lengths[rnd.nextInt(lengths.length)]);
    PortRange sp = rnd.nextInt(3) == 0 ? ports(rnd) : PortRange.ANY;
    PortRange dp = rnd.nextInt(3) == 0 ? PortRange.ANY : ports(rnd);
    int proto = switch (rnd.nextInt(3)) {
      case 0 -> Rule.TCP;
      case 1 -> Rule.UDP;
      default -> Rule.ANY_PROTOCOL;
    };
    return new Rule(priority, src, dst, sp, dp, proto, rnd.nextBoolean() ? Action.ALLOW : Action.DENY);
  }

  private static PortRange ports(SplittableRandom rnd) {
    int low = rnd.nextInt(65000);
    return new PortRange(low, low + rnd.nextInt(500));
  }

  /** Copies the live database (or, for restore, the checkpoint) with {@code method}. */
  public RuleDatabase copy(Method method) {
    return switch (method) {
      case CUSTODY_CHECKPOINT -> Checkpoints.take(db, RuleDatabase_Checkpoint.INSTANCE).peek();
      case CUSTODY_RESTORE -> checkpoint.restore();
      case IDENTITY_MAP ->
          Checkpoints.takeTrackingEveryObject(db, RuleDatabase_Checkpoint.INSTANCE).peek();
      case FORY_COPY -> fory().copy(db);
      case KRYO_COPY -> kryo().copy(db);
      case JAVA_SERIALIZATION -> javaRoundTrip(db);
      case CUSTODY_INCREMENTAL_CHECKPOINT -> incrementalCheckpoint().peek();
    };
  }

  /**
   * True if {@code copy} is a faithful deep copy of the live database: the same rules in the
   * same order, Figure 3's sharing intact (each rule one object reached three ways), and no
   * object in common with the live database (or with the checkpoint it was restored from).
   */
  public boolean sharingPreserved(Method method, RuleDatabase copy) {
    return sharingProblem(method, copy) == null;
  }

  /** Why {@code copy} is not a faithful deep copy (see {@link #sharingPreserved}), or null. */
  public String sharingProblem(Method method, RuleDatabase copy) {
    if (method == Method.CUSTODY_INCREMENTAL_CHECKPOINT) {
      return incrementalProblem(copy);
    }
    if (copy.size() != db.size()) {
      return "copy has " + copy.size() + " rules, live " + db.size();
    }
    if (!copy.sharingIntact()) {
      return "a rule is no longer one object shared by the list and both tries";
    }
    if (!RuleDatabase.disjoint(db, copy)) {
      return "copy shares objects with the live database";
    }
    if (method == Method.CUSTODY_RESTORE && !RuleDatabase.disjoint(checkpoint.peek(), copy)) {
      return "restored graph shares objects with the checkpoint";
    }
    if (!copy.rules().equals(db.rules())) {
      return "copy's rules differ";
    }
    return null;
  }

  /** For the incremental snapshot: faithful to the changed database, sharing with the old one. */
  private String incrementalProblem(RuleDatabase copy) {
    if (copy.size() != changed.size()) {
      return "copy has " + copy.size() + " rules, live " + changed.size();
    }
    if (!copy.sharingIntact()) {
      return "a rule is no longer one object shared by the list and both tries";
    }
    if (!RuleDatabase.disjoint(changed, copy)) {
      return "incremental snapshot shares objects with the live database";
    }
    if (!copy.rules().equals(changed.rules())) {
      return "incremental snapshot's rules differ from the changed database's";
    }
    if (copy.rules().equals(db.rules())) {
      return "the change was not seen";
    }
    return null;
  }

  private Fory fory() {
    if (fory == null) {
      fory = Fory.builder()
          .withXlang(false)
          .withRefTracking(true)
          .withRefCopy(true)
          .requireClassRegistration(false)
          .suppressClassRegistrationWarnings(true)
          .build();
    }
    return fory;
  }

  private Kryo kryo() {
    if (kryo == null) {
      kryo = new Kryo();
      kryo.setRegistrationRequired(false);
      kryo.setReferences(true);
      kryo.setCopyReferences(true);
      kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
      kryo.register(Rule.class, new KryoRecordCopier<>(Rule.class));
      kryo.register(Prefix.class, new KryoRecordCopier<>(Prefix.class));
      kryo.register(PortRange.class, new KryoRecordCopier<>(PortRange.class));
    }
    return kryo;
  }

  private static RuleDatabase javaRoundTrip(RuleDatabase db) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 24);
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(db);
      }
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
        return (RuleDatabase) in.readObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
