package dev.custody.netfn.firewall;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * A node of a {@link PrefixTrie}: the prefix {@code address/length}, the rules whose prefix is
 * exactly this one (sorted by priority; null when none), and the subtries whose next bit is 0
 * and 1. Path-compressed: a child may be several bits longer than its parent.
 */
@Checkpointable
public final class TrieNode implements Serializable {
  private static final long serialVersionUID = 1L;

  int address;
  int length;
  TrieNode zero;
  TrieNode one;
  ArrayList<Shared<Rule>> rules;

  TrieNode() {}

  TrieNode(int address, int length) {
    this.address = address;
    this.length = length;
  }

  boolean contains(int ip) {
    return ((ip ^ address) & Prefix.mask(length)) == 0;
  }

  int ruleCount() {
    return rules == null ? 0 : rules.size();
  }
}
