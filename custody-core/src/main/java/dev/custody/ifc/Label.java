package dev.custody.ifc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A security label, checked by the information-flow part of the Custody checker.
 *
 * <p>On a local, parameter or field it sets the label of the value it holds; on a method it sets
 * the label of the value returned. The default lattice is {@code public ⊑ secret}; a project
 * declares its own in {@code custody-lattice.properties} (see the checker's documentation). An
 * unknown label name is a compile error. Unannotated aliasable data is {@code public}; the labels
 * of linear values are flow-sensitive and may rise.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({
  ElementType.LOCAL_VARIABLE,
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.METHOD
})
public @interface Label {
  /** The label's name in the lattice, for example {@code "secret"}. */
  String value();
}
