package dev.custody.examples.ifc;

import dev.custody.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's {@code Vec<u8>}: a growable byte vector that is linear, so passing it moves it
 * (the sender loses it) and its label can rise with what is appended.
 *
 * <p>Not thread-safe.
 */
@Linear
public final class Vec {
  private final List<Integer> bytes = new ArrayList<>();

  private Vec() {}

  /** A vector holding {@code values}. */
  public static Vec of(int... values) {
    Vec v = new Vec();
    for (int b : values) {
      v.bytes.add(b);
    }
    return v;
  }

  /** Moves the contents of {@code other} to the end of this vector (Rust's {@code append}). */
  public void append(Vec other) {
    bytes.addAll(other.bytes);
  }

  public int size() {
    return bytes.size();
  }

  @Override
  public String toString() {
    return bytes.toString();
  }
}
