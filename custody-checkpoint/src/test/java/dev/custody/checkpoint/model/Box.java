package dev.custody.checkpoint.model;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;

/** With {@link Wrapper}: a cycle through Shared that passes through a record. */
@Checkpointable
public final class Box {
  public String label;
  public Shared<Wrapper> wrapper;

  public Box() {}
}
