package dev.custody.netfn.firewall;

import java.util.Objects;

/** One change in a batch given to {@link RuleDatabase#apply}. Immutable. */
public sealed interface RuleUpdate {
  /** Adds a rule; fails if its priority is already used. */
  record Add(Rule rule) implements RuleUpdate {
    public Add {
      Objects.requireNonNull(rule, "rule");
    }
  }

  /** Removes the rule with this priority; fails if there is none. */
  record Remove(int priority) implements RuleUpdate {}

  /** Replaces the rule with the same priority; fails if there is none. */
  record Replace(Rule rule) implements RuleUpdate {
    public Replace {
      Objects.requireNonNull(rule, "rule");
    }
  }
}
