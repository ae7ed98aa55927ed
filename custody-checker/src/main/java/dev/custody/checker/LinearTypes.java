package dev.custody.checker;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/**
 * Which types are linear (move-only).
 *
 * <p>A class is linear if it, a superclass or an implemented interface is annotated {@code
 * dev.custody.Linear} ({@code dev.custody.Owned} is). Linearity is inherited because a value of a
 * subclass can be used wherever the linear supertype is expected, and moving it there must still
 * kill the old name. A type variable is linear if its upper bound is; an unbounded {@code T} or a
 * plain {@code Object} is not tracked (passing a linear value where one is expected is a move).
 * Arrays of linear values are not themselves linear; storing into them moves the stored value.
 *
 * <p>Not thread-safe (caches per compilation).
 */
public final class LinearTypes {
  public static final String LINEAR = "dev.custody.Linear";
  public static final String BORROWED = "dev.custody.Borrowed";
  public static final String OWNED = "dev.custody.Owned";

  private final Types types;
  private final Map<TypeElement, Boolean> cache = new HashMap<>();

  public LinearTypes(Types types) {
    this.types = types;
  }

  /** True if a value of this static type is move-only. */
  public boolean isLinear(TypeMirror t) {
    if (t == null) {
      return false;
    }
    return switch (t.getKind()) {
      case DECLARED -> isLinearClass((TypeElement) ((DeclaredType) t).asElement());
      case TYPEVAR -> isLinear(((TypeVariable) t).getUpperBound());
      case INTERSECTION -> ((IntersectionType) t).getBounds().stream().anyMatch(this::isLinear);
      case WILDCARD -> isLinear(((WildcardType) t).getExtendsBound());
      default -> false;
    };
  }

  /** True if the class or interface, or one of its supertypes, is annotated {@code @Linear}. */
  public boolean isLinearClass(TypeElement e) {
    Boolean known = cache.get(e);
    if (known != null) {
      return known;
    }
    cache.put(e, false); // cycle guard for malformed hierarchies
    boolean linear = hasAnnotation(e, LINEAR);
    if (!linear) {
      TypeMirror sup = e.getSuperclass();
      linear = sup.getKind() == TypeKind.DECLARED && isLinear(sup);
    }
    if (!linear) {
      for (TypeMirror i : e.getInterfaces()) {
        if (isLinear(i)) {
          linear = true;
          break;
        }
      }
    }
    cache.put(e, linear);
    return linear;
  }

  /** True if {@code t} is (a parameterisation of) {@code dev.custody.Owned}. */
  public boolean isOwned(TypeMirror t) {
    return t != null
        && t.getKind() == TypeKind.DECLARED
        && ((TypeElement) types.asElement(t)).getQualifiedName().contentEquals(OWNED);
  }

  /** True if the parameter is annotated {@code @Borrowed}. */
  public static boolean isBorrowed(Element param) {
    return param != null && param.getKind() == ElementKind.PARAMETER && hasAnnotation(param, BORROWED);
  }

  /** True if {@code e} carries an annotation whose type has the given qualified name. */
  public static boolean hasAnnotation(Element e, String qualifiedName) {
    for (AnnotationMirror am : e.getAnnotationMirrors()) {
      Element a = am.getAnnotationType().asElement();
      if (a instanceof TypeElement te && te.getQualifiedName().contentEquals(qualifiedName)) {
        return true;
      }
    }
    return false;
  }
}
