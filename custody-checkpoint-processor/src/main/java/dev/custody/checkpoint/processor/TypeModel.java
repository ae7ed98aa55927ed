package dev.custody.checkpoint.processor;

import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * What the generator knows about a field's type: how to copy a value of it. Built by {@link
 * TypeModels}; a type with no model is a compile error.
 */
sealed interface TypeModel {
  /** The Java type, as declared. */
  TypeMirror type();

  /** Immutable values copied by reference: primitives, boxes, strings, enums. */
  record Leaf(TypeMirror type) implements TypeModel {}

  /** A {@code @Checkpointable} class or record, copied by its generated codec. */
  record Codec(TypeMirror type, TypeElement element, boolean isRecord) implements TypeModel {}

  /** {@code Shared<T>}: copied once per checkpoint. */
  record SharedOf(TypeMirror type, TypeModel target) implements TypeModel {}

  /** An array. */
  record ArrayOf(TypeMirror type, TypeModel component) implements TypeModel {}

  /** A list or set, with {@code kind} the declared container's simple name (List, ArrayList…). */
  record CollectionOf(TypeMirror type, String kind, TypeModel element) implements TypeModel {
    boolean isSet() {
      return kind.endsWith("Set");
    }
  }

  /** A map, with {@code kind} the declared container's simple name (Map, HashMap, TreeMap…). */
  record MapOf(TypeMirror type, String kind, TypeModel key, TypeModel value)
      implements TypeModel {}
}
