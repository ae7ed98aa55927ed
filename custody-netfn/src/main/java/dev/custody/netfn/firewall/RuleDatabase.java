package dev.custody.netfn.firewall;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpoint;
import dev.custody.checkpoint.Checkpointable;
import dev.custody.checkpoint.Checkpoints;
import dev.custody.checkpoint.Rollback;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The firewall's rule database, the paper's Figure 3: rules in priority order, indexed by a
 * source-prefix trie and a destination-prefix trie whose nodes hold the same {@code
 * Shared<Rule>} objects as the rule list. Each rule is therefore reachable three ways, and a
 * generated checkpoint copies it once and restores it as one object shared by all three.
 *
 * <p><b>Matching.</b> {@link #match} is first-match: among the rules whose source prefix,
 * destination prefix, port ranges and protocol all match the packet, the one with the lowest
 * priority decides. The tries narrow the candidates: the lookup counts the rules on the
 * source-address path and on the destination-address path and tests only the shorter list.
 * When no rule matches, the database's default action applies: {@link Action#DENY} unless
 * given otherwise (default deny, the usual firewall posture).
 *
 * <p><b>Updates</b> come as batches ({@link #apply}) and are atomic: the batch runs under {@link
 * Rollback}, so a batch whose update {@code i} is invalid (duplicate priority, missing rule) or
 * fails in any other way leaves the database exactly as before, and the caller gets an {@link
 * InvalidRuleUpdateException} naming {@code i} (or the other failure). Each batch takes one
 * checkpoint of the database first, so prefer few large batches to many small ones.
 *
 * <p><b>Thread safety.</b> Not thread-safe: confine a database to one thread (the firewall
 * NF's), or guard it with a lock; lookups may run concurrently with each other but not with
 * updates.
 */
@Checkpointable
public final class RuleDatabase implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Rules in increasing priority. */
  ArrayList<Shared<Rule>> rules = new ArrayList<>();

  PrefixTrie bySource = new PrefixTrie();
  PrefixTrie byDestination = new PrefixTrie();
  Action defaultAction = Action.DENY;

  /** An empty database whose default action is {@link Action#DENY}. */
  public RuleDatabase() {}

  /** An empty database with the given default action. */
  public RuleDatabase(Action defaultAction) {
    this.defaultAction = Objects.requireNonNull(defaultAction, "defaultAction");
  }

  /**
   * A database holding {@code rules}.
   *
   * @throws IllegalArgumentException if two rules share a priority
   */
  public static RuleDatabase of(Action defaultAction, Collection<Rule> rules) {
    RuleDatabase db = new RuleDatabase(defaultAction);
    List<RuleUpdate> batch = new ArrayList<>(rules.size());
    for (Rule r : rules) {
      batch.add(new RuleUpdate.Add(r));
    }
    try {
      db.apply(batch);
    } catch (InvalidRuleUpdateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    return db;
  }

  /** What the first matching rule says, or the default action if none matches. */
  public Action match(int srcIp, int dstIp, int srcPort, int dstPort, int protocol) {
    Rule r = firstMatch(srcIp, dstIp, srcPort, dstPort, protocol);
    return r == null ? defaultAction : r.action();
  }

  /** The first matching rule, or null if none matches. */
  public Rule firstMatch(int srcIp, int dstIp, int srcPort, int dstPort, int protocol) {
    int bySrc = bySource.candidates(srcIp);
    int byDst = byDestination.candidates(dstIp);
    return bySrc <= byDst
        ? bySource.firstMatch(srcIp, srcIp, dstIp, srcPort, dstPort, protocol)
        : byDestination.firstMatch(dstIp, srcIp, dstIp, srcPort, dstPort, protocol);
  }

  /**
   * Applies {@code batch} in order, all or nothing.
   *
   * @throws InvalidRuleUpdateException if an update is invalid; nothing was changed
   */
  public void apply(List<? extends RuleUpdate> batch) throws InvalidRuleUpdateException {
    Objects.requireNonNull(batch, "batch");
    Rollback.run(this, RuleDatabase_Checkpoint.INSTANCE, db -> db.applyInOrder(batch));
  }

  /** Adds one rule (a batch of one). */
  public void add(Rule rule) throws InvalidRuleUpdateException {
    apply(List.of(new RuleUpdate.Add(rule)));
  }

  /** Removes the rule with {@code priority} (a batch of one). */
  public void remove(int priority) throws InvalidRuleUpdateException {
    apply(List.of(new RuleUpdate.Remove(priority)));
  }

  /** Replaces the rule with the priority of {@code rule} (a batch of one). */
  public void replace(Rule rule) throws InvalidRuleUpdateException {
    apply(List.of(new RuleUpdate.Replace(rule)));
  }

  private void applyInOrder(List<? extends RuleUpdate> batch) throws InvalidRuleUpdateException {
    for (int i = 0; i < batch.size(); i++) {
      RuleUpdate u = batch.get(i);
      switch (u) {
        case RuleUpdate.Add a -> {
          int at = indexOf(a.rule().priority());
          if (at >= 0) {
            throw new InvalidRuleUpdateException(
                i, "priority " + a.rule().priority() + " is already used by rule " + rules.get(at).get());
          }
          insertAt(-at - 1, a.rule());
        }
        case RuleUpdate.Remove r -> {
          int at = indexOf(r.priority());
          if (at < 0) {
            throw new InvalidRuleUpdateException(i, "no rule has priority " + r.priority());
          }
          removeAt(at);
        }
        case RuleUpdate.Replace r -> {
          int at = indexOf(r.rule().priority());
          if (at < 0) {
            throw new InvalidRuleUpdateException(i, "no rule has priority " + r.rule().priority() + " to replace");
          }
          removeAt(at);
          insertAt(at, r.rule());
        }
        case null -> throw new InvalidRuleUpdateException(i, "null update");
      }
    }
  }

  private void insertAt(int at, Rule rule) {
    Shared<Rule> shared = Shared.of(rule);
    rules.add(at, shared);
    bySource.insert(rule.src(), shared);
    byDestination.insert(rule.dst(), shared);
  }

  private void removeAt(int at) {
    Shared<Rule> shared = rules.remove(at);
    bySource.remove(shared.get().src(), shared);
    byDestination.remove(shared.get().dst(), shared);
  }

  /** Binary search by priority: the index, or {@code -(insertion point) - 1}. */
  private int indexOf(int priority) {
    int lo = 0;
    int hi = rules.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int p = rules.get(mid).get().priority();
      if (p < priority) {
        lo = mid + 1;
      } else if (p > priority) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -lo - 1;
  }

  /** The number of rules. */
  public int size() {
    return rules.size();
  }

  /** The rules in priority order (a snapshot). */
  public List<Rule> rules() {
    List<Rule> out = new ArrayList<>(rules.size());
    for (Shared<Rule> r : rules) {
      out.add(r.get());
    }
    return Collections.unmodifiableList(out);
  }

  /** The rule with {@code priority}, if any. */
  public Optional<Rule> rule(int priority) {
    int at = indexOf(priority);
    return at < 0 ? Optional.empty() : Optional.of(rules.get(at).get());
  }

  /** The action when no rule matches. */
  public Action defaultAction() {
    return defaultAction;
  }

  /** Sets the action when no rule matches. */
  public void setDefaultAction(Action action) {
    this.defaultAction = Objects.requireNonNull(action, "action");
  }

  /** A checkpoint of this database (generated code; each rule copied once). */
  public Checkpoint<RuleDatabase> checkpoint() {
    return Checkpoints.take(this, RuleDatabase_Checkpoint.INSTANCE);
  }

  /** Restores {@code checkpoint} into this database in place; references to it stay valid. */
  public void restore(Checkpoint<RuleDatabase> checkpoint) {
    checkpoint.restoreInto(this);
  }

  /** Nodes in the two tries together (for sizing benchmarks). */
  public int trieNodeCount() {
    return bySource.nodes + byDestination.nodes;
  }

  /**
   * True if the Figure 3 structure holds: the rule list is in strictly increasing priority, and
   * every rule's {@code Shared} object is the very object the source trie holds under the rule's
   * source prefix and the destination trie under its destination prefix, and the tries hold no
   * other rule. A copy that duplicated shared rules fails this check.
   */
  public boolean sharingIntact() {
    Set<Shared<Rule>> listed = Collections.newSetFromMap(new IdentityHashMap<>());
    int last = -1;
    for (Shared<Rule> s : rules) {
      if (s.get().priority() <= last || !listed.add(s)) {
        return false;
      }
      last = s.get().priority();
      if (!holds(bySource.find(s.get().src()), s) || !holds(byDestination.find(s.get().dst()), s)) {
        return false;
      }
    }
    int[] counts = new int[2];
    boolean[] stray = new boolean[1];
    bySource.forEach(s -> { counts[0]++; stray[0] |= !listed.contains(s); });
    byDestination.forEach(s -> { counts[1]++; stray[0] |= !listed.contains(s); });
    return !stray[0] && counts[0] == rules.size() && counts[1] == rules.size();
  }

  private static boolean holds(TrieNode n, Shared<Rule> s) {
    if (n == null || n.rules == null) {
      return false;
    }
    for (Shared<Rule> r : n.rules) {
      if (r == s) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if {@code a} and {@code b} have no rule, {@code Shared}, trie node or list object in
   * common: {@code b} is a deep copy of {@code a} (or unrelated to it).
   */
  public static boolean disjoint(RuleDatabase a, RuleDatabase b) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    a.collectObjects(seen);
    Set<Object> other = Collections.newSetFromMap(new IdentityHashMap<>());
    b.collectObjects(other);
    for (Object o : other) {
      if (seen.contains(o)) {
        return false;
      }
    }
    return true;
  }

  private void collectObjects(Set<Object> out) {
    out.add(this);
    out.add(rules);
    for (Shared<Rule> s : rules) {
      out.add(s);
      out.add(s.get());
    }
    for (PrefixTrie t : List.of(bySource, byDestination)) {
      out.add(t);
      ArrayList<TrieNode> stack = new ArrayList<>(List.of(t.root));
      while (!stack.isEmpty()) {
        TrieNode n = stack.removeLast();
        out.add(n);
        if (n.rules != null) {
          out.add(n.rules);
        }
        if (n.zero != null) {
          stack.add(n.zero);
        }
        if (n.one != null) {
          stack.add(n.one);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "RuleDatabase(" + rules.size() + " rules, default " + defaultAction + ")";
  }
}
