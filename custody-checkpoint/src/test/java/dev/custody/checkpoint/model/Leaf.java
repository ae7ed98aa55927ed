package dev.custody.checkpoint.model;

import dev.custody.checkpoint.Checkpointable;
import java.util.Objects;

@Checkpointable
public final class Leaf {
  public int value;
  public String name;

  public Leaf() {}

  public Leaf(int value, String name) {
    this.value = value;
    this.name = name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Leaf l && l.value == value && Objects.equals(l.name, name);
  }

  @Override
  public int hashCode() {
    return value * 31 + Objects.hashCode(name);
  }

  @Override
  public String toString() {
    return "Leaf(" + value + "," + name + ")";
  }
}
