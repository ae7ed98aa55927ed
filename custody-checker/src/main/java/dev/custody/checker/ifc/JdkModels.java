package dev.custody.checker.ifc;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * What the checker assumes about methods it has no source for.
 *
 * <ul>
 *   <li><b>Channels</b> (public unless a policy says otherwise): output methods of {@code
 *       PrintStream} ({@code System.out}, {@code System.err}), {@code OutputStream}, {@code
 *       Writer}, {@code WritableByteChannel}/{@code SocketChannel}/{@code DatagramChannel} ({@code
 *       write}, {@code send}), and logging methods of {@code java.util.logging.Logger}, {@code
 *       System.Logger} and {@code org.slf4j.Logger} (matched by name, no dependency).
 *   <li><b>Default</b>: the result is the join of receiver and arguments; a call on an aliasable,
 *       mutable receiver counts as a write of the arguments (and the pc) into it, so it must not
 *       exceed the receiver's label.
 *   <li><b>Precise models</b>: immutable receivers ({@code String}, boxes, {@code Math},
 *       records, enums, streams, {@code Optional}) and read-only methods of collections and
 *       builders ({@code get}, {@code size}, {@code contains}, {@code iterator}, {@code next},
 *       {@code toString}, {@code forEach}, …) write nothing; {@code System.arraycopy}, {@code
 *       Arrays.fill} and {@code Collections.addAll} write into their destination argument.
 * </ul>
 *
 * <p>Stateless; thread-safe.
 */
final class JdkModels {
  private JdkModels() {}

  private static final List<String> STREAM_CHANNELS = List.of(
      "java.io.PrintStream", "java.io.OutputStream", "java.io.Writer",
      "java.nio.channels.WritableByteChannel", "java.nio.channels.DatagramChannel");
  private static final Set<String> STREAM_METHODS = Set.of(
      "print", "println", "printf", "format", "write", "append", "writeBytes", "writeObject",
      "writeUTF", "writeInt", "writeLong", "send");
  private static final List<String> LOGGERS = List.of(
      "java.util.logging.Logger", "java.lang.System.Logger", "org.slf4j.Logger");
  private static final Set<String> LOG_METHODS = Set.of(
      "log", "logp", "logrb", "info", "warning", "severe", "fine", "finer", "finest", "config",
      "entering", "exiting", "throwing", "debug", "trace", "warn", "error");

  private static final Set<String> IMMUTABLE = Set.of(
      "java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
      "java.lang.Character", "java.lang.Boolean", "java.lang.Double", "java.lang.Float",
      "java.lang.Number", "java.lang.Math", "java.lang.StrictMath", "java.lang.Class",
      "java.math.BigInteger", "java.math.BigDecimal", "java.util.Optional", "java.util.Objects",
      "java.lang.CharSequence", "java.util.UUID", "java.time.Instant", "java.time.Duration",
      "dev.custody.ifc.Declassify");
  private static final Set<String> READ_ONLY = Set.of(
      "get", "getOrDefault", "size", "length", "isEmpty", "contains", "containsKey", "containsValue",
      "containsAll", "indexOf", "lastIndexOf", "equals", "hashCode", "toString", "compareTo", "charAt",
      "substring", "subSequence", "stream", "iterator", "listIterator", "spliterator", "next",
      "hasNext", "previous", "hasPrevious", "keySet", "values", "entrySet", "toArray", "getKey",
      "getValue", "first", "last", "peek", "element", "firstKey", "lastKey", "getFirst", "getLast",
      "capacity", "codePointAt", "chars", "clone", "getClass", "copyOf", "asList",
      // They call the function passed to them (checked in its own body) and write nothing.
      "forEach", "forEachOrdered", "forEachRemaining", "ifPresent", "ifPresentOrElse");

  /** The channel name ({@code PrintStream.println}) if {@code m} called on {@code receiver} is a default public channel. */
  static String channel(ExecutableElement m, TypeMirror receiver, Types types) {
    if (receiver == null || m.getModifiers().contains(Modifier.STATIC)) {
      return null;
    }
    String name = m.getSimpleName().toString();
    if (!STREAM_METHODS.contains(name) && !LOG_METHODS.contains(name)) {
      return null;
    }
    boolean stream = STREAM_METHODS.contains(name) && subtypeOfAny(receiver, STREAM_CHANNELS, types);
    boolean log = LOG_METHODS.contains(name) && subtypeOfAny(receiver, LOGGERS, types);
    if (!stream && !log) {
      return null;
    }
    return m.getEnclosingElement().getSimpleName() + "." + name;
  }

  /** True if a call of {@code m} on a receiver of this type writes nothing into the receiver. */
  static boolean readOnly(ExecutableElement m, TypeMirror receiver, Types types) {
    String name = m.getSimpleName().toString();
    if (READ_ONLY.contains(name) || m.getParameters().isEmpty() && (name.startsWith("get") || name.startsWith("is"))) {
      return true;
    }
    return receiver == null || isImmutable(receiver, types);
  }

  /** Values of this type cannot be written into: primitives, strings, boxes, enums, records, streams. */
  static boolean isImmutable(TypeMirror t, Types types) {
    if (t.getKind().isPrimitive() || t.getKind() == TypeKind.NULL) {
      return true;
    }
    if (t.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement te = (TypeElement) ((DeclaredType) t).asElement();
    if (te.getKind() == ElementKind.ENUM || te.getKind() == ElementKind.RECORD) {
      return true;
    }
    String q = te.getQualifiedName().toString();
    return IMMUTABLE.contains(q) || q.startsWith("java.util.stream.") || q.startsWith("java.util.function.");
  }

  /** For static library writers, the index of the argument written into, else -1. */
  static int staticWriteTarget(ExecutableElement m) {
    String owner = Signatures.owner(m);
    String name = m.getSimpleName().toString();
    return switch (owner + "." + name) {
      case "java.lang.System.arraycopy" -> 2;
      case "java.util.Arrays.fill", "java.util.Arrays.setAll", "java.util.Collections.addAll" -> 0;
      default -> -1;
    };
  }

  private static boolean subtypeOfAny(TypeMirror t, List<String> names, Types types) {
    if (t.getKind() != TypeKind.DECLARED) {
      return false;
    }
    if (names.contains(qualified(t, types))) {
      return true;
    }
    for (TypeMirror s : types.directSupertypes(t)) {
      if (subtypeOfAny(s, names, types)) {
        return true;
      }
    }
    return false;
  }

  private static String qualified(TypeMirror t, Types types) {
    return ((TypeElement) types.asElement(t)).getQualifiedName().toString();
  }
}
