package dev.custody.checkpoint.processor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Classifies field types into {@link TypeModel}s, or explains why a type is not supported. */
final class TypeModels {
  static final String CHECKPOINTABLE = "dev.custody.checkpoint.Checkpointable";
  static final String SHARED = "dev.custody.Shared";

  private static final Set<String> BOXES =
      Set.of(
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Character",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.lang.String");

  private static final Map<String, String> LISTS_AND_SETS =
      Map.ofEntries(
          Map.entry("java.util.List", "List"),
          Map.entry("java.util.ArrayList", "ArrayList"),
          Map.entry("java.util.LinkedList", "LinkedList"),
          Map.entry("java.util.Set", "Set"),
          Map.entry("java.util.HashSet", "HashSet"),
          Map.entry("java.util.LinkedHashSet", "LinkedHashSet"),
          Map.entry("java.util.SortedSet", "SortedSet"),
          Map.entry("java.util.NavigableSet", "NavigableSet"),
          Map.entry("java.util.TreeSet", "TreeSet"));

  private static final Map<String, String> MAPS =
      Map.of(
          "java.util.Map", "Map",
          "java.util.HashMap", "HashMap",
          "java.util.LinkedHashMap", "LinkedHashMap",
          "java.util.SortedMap", "SortedMap",
          "java.util.NavigableMap", "NavigableMap",
          "java.util.TreeMap", "TreeMap");

  /** Thrown when a type has no model; the message says why. */
  static final class Unsupported extends Exception {
    Unsupported(String message) {
      super(message);
    }
  }

  private final ProcessingEnvironment env;

  TypeModels(ProcessingEnvironment env) {
    this.env = env;
  }

  static boolean isCheckpointable(Element e) {
    return e.getAnnotationMirrors().stream()
        .anyMatch(
            a ->
                ((TypeElement) a.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(CHECKPOINTABLE));
  }

  TypeModel model(TypeMirror t) throws Unsupported {
    if (t.getKind().isPrimitive()) {
      return new TypeModel.Leaf(t);
    }
    if (t.getKind() == TypeKind.ARRAY) {
      return new TypeModel.ArrayOf(t, model(((ArrayType) t).getComponentType()));
    }
    if (t.getKind() != TypeKind.DECLARED) {
      throw new Unsupported("type " + t + " is not supported");
    }
    DeclaredType d = (DeclaredType) t;
    TypeElement e = (TypeElement) d.asElement();
    String name = e.getQualifiedName().toString();
    if (BOXES.contains(name) || e.getKind() == ElementKind.ENUM) {
      return new TypeModel.Leaf(t);
    }
    if (name.equals(SHARED)) {
      return new TypeModel.SharedOf(t, model(onlyArgument(d, 1, 0)));
    }
    if (LISTS_AND_SETS.containsKey(name)) {
      return new TypeModel.CollectionOf(t, LISTS_AND_SETS.get(name), model(onlyArgument(d, 1, 0)));
    }
    if (MAPS.containsKey(name)) {
      return new TypeModel.MapOf(
          t, MAPS.get(name), model(onlyArgument(d, 2, 0)), model(onlyArgument(d, 2, 1)));
    }
    if (isCheckpointable(e)) {
      if (!d.getTypeArguments().isEmpty()) {
        throw new Unsupported("generic checkpointable type " + t + " is not supported");
      }
      return new TypeModel.Codec(t, e, e.getKind() == ElementKind.RECORD);
    }
    throw new Unsupported(
        "type "
            + t
            + " is not checkpointable (supported: primitives, boxes, String, enums, arrays,"
            + " standard lists/sets/maps, @Checkpointable types and Shared<T> of them)");
  }

  private TypeMirror onlyArgument(DeclaredType d, int count, int index) throws Unsupported {
    List<? extends TypeMirror> args = d.getTypeArguments();
    if (args.size() != count) {
      throw new Unsupported("raw type " + env.getTypeUtils().erasure(d) + " is not supported");
    }
    TypeMirror a = args.get(index);
    if (a.getKind() == TypeKind.WILDCARD || a.getKind() == TypeKind.TYPEVAR) {
      throw new Unsupported("type argument " + a + " of " + d + " is not supported (use a concrete type)");
    }
    return a;
  }
}
