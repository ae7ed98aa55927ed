package dev.custody.domains.confine;

import java.util.Objects;

/**
 * One forbidden use found in a class file.
 *
 * <p>{@link #toString()} gives the message shown to users, for example {@code
 * com.evil.Plugin.run()V @ offset 12 (line 34): calls java.lang.System.exit(I)V [exit]}. The
 * method, offset and line parts are left out when they do not apply (a superclass, a native
 * method declaration) or are unknown (no {@code LineNumberTable}).
 *
 * @param className binary name of the offending class, e.g. {@code com.evil.Plugin}
 * @param method method name and descriptor, e.g. {@code run()V}, or {@code null} for class-level
 * @param offset bytecode offset of the instruction, or -1
 * @param line source line of the instruction, or -1 when unknown
 * @param action what the code does, e.g. {@code calls}, {@code extends}
 * @param target the forbidden target, e.g. {@code java.lang.System.exit(I)V}
 * @param category the policy category that refuses it
 */
public record Violation(
    String className,
    String method,
    int offset,
    int line,
    String action,
    String target,
    Category category) {

  public Violation {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(category, "category");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(className);
    if (method != null) {
      sb.append('.').append(method);
    }
    if (offset >= 0) {
      sb.append(" @ offset ").append(offset);
      if (line >= 0) {
        sb.append(" (line ").append(line).append(')');
      }
    }
    return sb.append(": ").append(action).append(' ').append(target)
        .append(" [").append(category.tag()).append(']').toString();
  }
}
