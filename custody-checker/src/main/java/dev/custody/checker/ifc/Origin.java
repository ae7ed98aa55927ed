package dev.custody.checker.ifc;

/**
 * Where a label came from, so that a diagnostic can name the source of a secret. {@link Param}
 * and {@link ContextPc} are placeholders inside a method summary: the caller replaces them by the
 * origin of its argument (or of its pc) when it applies the summary.
 */
sealed interface Origin {
  /** Human-readable, for the end of a diagnostic: {@code variable 'sec' (line 13)}. */
  String describe();

  /** A labelled variable, field, parameter or method return, declared at a source line. */
  record Declared(String kind, String name, long line) implements Origin {
    @Override
    public String describe() {
      return kind + " '" + name + "'" + (line > 0 ? " (line " + line + ")" : "");
    }
  }

  /** Parameter {@code index} of the summarised method (-1 is the receiver). */
  record Param(int index, String name) implements Origin {
    @Override
    public String describe() {
      return "parameter '" + name + "'";
    }
  }

  /** The caller's program counter at the call. */
  record ContextPc() implements Origin {
    @Override
    public String describe() {
      return "the calling context's branch";
    }
  }
}
