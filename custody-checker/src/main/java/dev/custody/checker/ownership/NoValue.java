package dev.custody.checker.ownership;

import org.checkerframework.nullaway.dataflow.analysis.AbstractValue;

/** The ownership analysis keeps everything in its store; it gives nodes no values. */
final class NoValue implements AbstractValue<NoValue> {
  private NoValue() {}

  @Override
  public NoValue leastUpperBound(NoValue other) {
    return this;
  }
}
