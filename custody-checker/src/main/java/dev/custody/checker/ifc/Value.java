package dev.custody.checker.ifc;

/**
 * An abstract value: a label and, when the label is above bottom, the origin of the data that
 * raised it. Immutable.
 */
record Value(int label, Origin origin) {

  static Value of(int label) {
    return new Value(label, null);
  }

  /** The join; the origin of the higher operand wins (the left one when incomparable). */
  Value join(Value other, Lattice l) {
    if (other == null || l.leq(other.label, label)) {
      return this;
    }
    if (l.leq(label, other.label)) {
      return other;
    }
    return new Value(l.join(label, other.label), origin != null ? origin : other.origin);
  }
}
