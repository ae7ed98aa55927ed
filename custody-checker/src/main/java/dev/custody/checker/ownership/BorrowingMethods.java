package dev.custody.checker.ownership;

import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Library methods that only read their arguments, so passing a linear value to them borrows it
 * (as Rust's {@code println!} takes references). Every other parameter without {@code @Borrowed}
 * moves: {@code List.add(x)}, {@code Map.put(k, x)}, {@code Objects.requireNonNull(x)} used as a
 * value (it returns its argument) all move {@code x}; {@code Objects.requireNonNull(x);} as a
 * statement borrows.
 *
 * <p>The list: printing ({@code PrintStream.print/println/printf/format}), string building
 * ({@code String.valueOf/format}, {@code StringBuilder/StringBuffer.append/insert}), {@code
 * Objects.equals/deepEquals/hash/hashCode/toString/isNull/nonNull}, {@code
 * System.identityHashCode}, every method of the {@code java.util.logging.Logger}, {@code
 * System.Logger} and SLF4J loggers, lookups ({@code contains}, {@code containsKey}, {@code
 * containsValue}, {@code indexOf}, {@code lastIndexOf} on {@code java.util} types), and any
 * {@code equals(Object)}.
 */
final class BorrowingMethods {
  private BorrowingMethods() {}

  private static final Set<String> ALL = Set.of("*");
  private static final Map<String, Set<String>> BY_OWNER = Map.ofEntries(
      Map.entry("java.io.PrintStream", Set.of("print", "println", "printf", "format")),
      Map.entry("java.io.PrintWriter", Set.of("print", "println", "printf", "format")),
      Map.entry("java.lang.String", Set.of("valueOf", "format", "formatted")),
      Map.entry("java.lang.StringBuilder", Set.of("append", "insert")),
      Map.entry("java.lang.StringBuffer", Set.of("append", "insert")),
      Map.entry("java.lang.AbstractStringBuilder", Set.of("append", "insert")),
      Map.entry("java.util.Objects",
          Set.of("equals", "deepEquals", "hash", "hashCode", "toString", "isNull", "nonNull")),
      Map.entry("java.lang.System", Set.of("identityHashCode")),
      Map.entry("java.util.logging.Logger", ALL),
      Map.entry("java.lang.System.Logger", ALL),
      Map.entry("org.slf4j.Logger", ALL));
  private static final Set<String> LOOKUPS =
      Set.of("contains", "containsKey", "containsValue", "indexOf", "lastIndexOf");

  /**
   * {@code Objects.requireNonNull…}: hands its argument back, so it moves the argument into its
   * result; called as a statement, with the result dropped, it only looks at the argument.
   */
  static boolean returnsArgument(ExecutableElement method) {
    return method.getSimpleName().toString().startsWith("requireNonNull")
        && method.getEnclosingElement() instanceof TypeElement owner
        && owner.getQualifiedName().contentEquals("java.util.Objects");
  }

  static boolean borrows(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    if (name.equals("equals")
        && method.getParameters().size() == 1
        && method.getParameters().get(0).asType().getKind() == TypeKind.DECLARED
        && method.getParameters().get(0).asType().toString().equals("java.lang.Object")) {
      return true;
    }
    if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
      return false;
    }
    String ownerName = owner.getQualifiedName().toString();
    if (LOOKUPS.contains(name) && ownerName.startsWith("java.util.")) {
      return true;
    }
    Set<String> names = BY_OWNER.get(ownerName);
    return names != null && (names == ALL || names.contains(name));
  }
}
