package dev.custody.domains.processor;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Decides which types may cross a domain boundary (DESIGN.md §1 "What may cross"): primitives and
 * their boxes, String, enums, records whose components may cross (recursively), Owned, @Linear
 * classes and RRef. Returns the reason a type may not cross, or null if it may.
 */
final class Crossing {
  static final String OWNED = "dev.custody.Owned";
  static final String LINEAR = "dev.custody.Linear";
  static final String BORROWED = "dev.custody.Borrowed";
  static final String RREF = "dev.custody.domains.RRef";
  static final String DOMAIN_INTERFACE = "dev.custody.domains.DomainInterface";

  static final String ALLOWED =
      "allowed: primitives and their boxes, String, enums, records of crossable types, Owned<T>,"
          + " @Linear types, RRef<T>";

  private static final Set<String> IMMUTABLE_JDK =
      Set.of(
          "java.lang.Boolean",
          "java.lang.Byte",
          "java.lang.Short",
          "java.lang.Character",
          "java.lang.Integer",
          "java.lang.Long",
          "java.lang.Float",
          "java.lang.Double",
          "java.lang.String",
          "java.lang.Void");

  private final Types types;

  Crossing(Types types) {
    this.types = types;
  }

  String whyNot(TypeMirror t) {
    return whyNot(t, new HashSet<>());
  }

  private String whyNot(TypeMirror t, Set<String> visiting) {
    if (t.getKind().isPrimitive()) {
      return null;
    }
    return switch (t.getKind()) {
      case ARRAY -> t + " is an array, which is mutable and would be shared";
      case TYPEVAR -> "type variable " + t + " is not known to be crossable";
      case DECLARED -> whyNotDeclared((DeclaredType) t, visiting);
      default -> t + " is not a crossable type";
    };
  }

  private String whyNotDeclared(DeclaredType t, Set<String> visiting) {
    TypeElement te = (TypeElement) t.asElement();
    String qn = te.getQualifiedName().toString();
    if (IMMUTABLE_JDK.contains(qn) || qn.equals(OWNED) || qn.equals(RREF)) {
      return null;
    }
    if (te.getKind() == ElementKind.ENUM || hasAnnotation(te, LINEAR)) {
      return null;
    }
    if (hasAnnotation(te, DOMAIN_INTERFACE)) {
      return te.getSimpleName()
          + " is a @DomainInterface; pass RRef<"
          + te.getSimpleName()
          + "> so the object stays in its domain";
    }
    if (te.getKind() == ElementKind.RECORD) {
      String key = t.toString();
      if (!visiting.add(key)) {
        return null;
      }
      for (RecordComponentElement c : te.getRecordComponents()) {
        ExecutableElement accessor = c.getAccessor();
        TypeMirror ct =
            accessor != null
                ? ((ExecutableType) types.asMemberOf(t, accessor)).getReturnType()
                : c.asType();
        String why = whyNot(ct, visiting);
        if (why != null) {
          return "record " + te.getSimpleName() + " has component '" + c.getSimpleName()
              + "' of type " + ct + ": " + why;
        }
      }
      return null;
    }
    return t + " is not a crossable type";
  }

  static boolean hasAnnotation(Element e, String qualifiedName) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      TypeElement at = (TypeElement) a.getAnnotationType().asElement();
      if (at.getQualifiedName().contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }

  boolean isOwned(TypeMirror t) {
    return t.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().contentEquals(OWNED);
  }
}
