package dev.custody.checker;

import com.sun.source.tree.Tree;

/**
 * Emits javac diagnostics for one pass. Every message is prefixed with {@code [key] }, and a
 * diagnostic inside a declaration annotated {@code @SuppressWarnings("key")} (or {@code
 * "custody"}) is dropped. Identical diagnostics on the same tree are reported once (javac's
 * dataflow copies {@code finally} blocks, so one tree can be analysed several times).
 *
 * <p>Not thread-safe; used on javac's thread.
 */
public interface Reporter {
  /** The pass key, for example {@code custody.ownership}. */
  String key();

  /** A compile error at {@code tree}: the build fails. */
  void error(Tree tree, String message);

  /** A warning at {@code tree}. */
  void warning(Tree tree, String message);

  /** A note at {@code tree} (for example an audit listing such as a declassification). */
  void note(Tree tree, String message);
}
