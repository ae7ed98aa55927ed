package dev.custody.netfn.firewall;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * A path-compressed binary trie over IPv4 prefixes whose nodes hold the rules with that exact
 * prefix, as {@code Shared<Rule>}: the same {@code Shared} object as in the rule list and the
 * other trie, so each rule is reachable three ways (the paper's Figure 3). Lookups walk at most
 * 33 nodes; a trie of n prefixes has at most 2n nodes.
 *
 * <p>Not thread-safe; owned by its {@link RuleDatabase}.
 */
@Checkpointable
public final class PrefixTrie implements Serializable {
  private static final long serialVersionUID = 1L;

  TrieNode root = new TrieNode(0, 0);
  int nodes = 1;

  PrefixTrie() {}

  private static int bit(int address, int index) {
    return (address >>> (31 - index)) & 1;
  }

  private static TrieNode child(TrieNode n, int bit) {
    return bit == 0 ? n.zero : n.one;
  }

  private static void setChild(TrieNode n, int bit, TrieNode c) {
    if (bit == 0) {
      n.zero = c;
    } else {
      n.one = c;
    }
  }

  /** Adds {@code rule} under prefix {@code p}, keeping the node's rules in priority order. */
  void insert(Prefix p, Shared<Rule> rule) {
    TrieNode n = nodeFor(p.address(), p.length());
    if (n.rules == null) {
      n.rules = new ArrayList<>(2);
    }
    int priority = rule.get().priority();
    int lo = 0;
    int hi = n.rules.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (n.rules.get(mid).get().priority() < priority) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    n.rules.add(lo, rule);
  }

  /** The node of exactly {@code address/length}, created (splitting an edge if needed). */
  private TrieNode nodeFor(int address, int length) {
    TrieNode cur = root;
    while (cur.length != length) {
      // Invariant: cur's prefix contains address/length and is shorter.
      int b = bit(address, cur.length);
      TrieNode c = child(cur, b);
      if (c == null) {
        TrieNode leaf = new TrieNode(address, length);
        setChild(cur, b, leaf);
        nodes++;
        return leaf;
      }
      int common = Math.min(Math.min(Integer.numberOfLeadingZeros(c.address ^ address), c.length), length);
      if (common == c.length) {
        cur = c;
        continue;
      }
      TrieNode mid = new TrieNode(address & Prefix.mask(common), common);
      nodes++;
      setChild(mid, bit(c.address, common), c);
      setChild(cur, b, mid);
      if (common == length) {
        return mid;
      }
      TrieNode leaf = new TrieNode(address, length);
      nodes++;
      setChild(mid, bit(address, common), leaf);
      return leaf;
    }
    return cur;
  }

  /** The node of exactly {@code p}, or null. */
  TrieNode find(Prefix p) {
    TrieNode cur = root;
    while (cur != null && cur.length < p.length()) {
      if (!cur.contains(p.address())) {
        return null;
      }
      cur = child(cur, bit(p.address(), cur.length));
    }
    return cur != null && cur.length == p.length() && cur.address == p.address() ? cur : null;
  }

  /** Removes {@code rule} (by identity) from prefix {@code p}; false if it was not there. */
  boolean remove(Prefix p, Shared<Rule> rule) {
    TrieNode parent = null;
    TrieNode cur = root;
    while (cur != null && cur.length < p.length()) {
      if (!cur.contains(p.address())) {
        return false;
      }
      parent = cur;
      cur = child(cur, bit(p.address(), cur.length));
    }
    if (cur == null || cur.length != p.length() || cur.address != p.address() || cur.rules == null) {
      return false;
    }
    int i = 0;
    while (i < cur.rules.size() && cur.rules.get(i) != rule) {
      i++;
    }
    if (i == cur.rules.size()) {
      return false;
    }
    cur.rules.remove(i);
    if (cur.rules.isEmpty()) {
      cur.rules = null;
      if (parent != null && (cur.zero == null || cur.one == null)) {
        // A rule-less node with at most one child carries no information: splice it out.
        TrieNode only = cur.zero != null ? cur.zero : cur.one;
        setChild(parent, bit(p.address(), parent.length), only);
        nodes--;
      }
    }
    return true;
  }

  /** How many rules lie on the path of {@code ip}: the candidates a lookup would test. */
  int candidates(int ip) {
    int count = 0;
    for (TrieNode n = root; n != null && n.contains(ip); n = n.length == 32 ? null : child(n, bit(ip, n.length))) {
      count += n.ruleCount();
    }
    return count;
  }

  /**
   * The first rule (lowest priority) on the path of {@code ip} that matches the whole packet,
   * or null.
   */
  Rule firstMatch(int ip, int srcIp, int dstIp, int srcPort, int dstPort, int protocol) {
    Rule best = null;
    int bestPriority = Integer.MAX_VALUE;
    for (TrieNode n = root; n != null && n.contains(ip); n = n.length == 32 ? null : child(n, bit(ip, n.length))) {
      ArrayList<Shared<Rule>> rs = n.rules;
      if (rs == null) {
        continue;
      }
      for (int i = 0, size = rs.size(); i < size; i++) {
        Rule r = rs.get(i).get();
        if (r.priority() >= bestPriority) {
          break; // sorted: nothing later in this node can win
        }
        if (r.matches(srcIp, dstIp, srcPort, dstPort, protocol)) {
          best = r;
          bestPriority = r.priority();
          break;
        }
      }
    }
    return best;
  }

  /** Calls {@code sink} with every rule reference held by the trie. */
  void forEach(Consumer<Shared<Rule>> sink) {
    ArrayList<TrieNode> stack = new ArrayList<>();
    stack.add(root);
    while (!stack.isEmpty()) {
      TrieNode n = stack.removeLast();
      if (n.rules != null) {
        n.rules.forEach(sink);
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
