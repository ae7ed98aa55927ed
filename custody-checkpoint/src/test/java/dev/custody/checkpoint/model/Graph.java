package dev.custody.checkpoint.model;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;
import java.util.ArrayList;
import java.util.List;

/** A root whose objects are reachable several ways, through Shared. */
@Checkpointable
public final class Graph {
  public List<Shared<Node>> nodes = new ArrayList<>();
  public Shared<Node>[] index;
  public Shared<Box> box;
  public final List<Leaf> log = new ArrayList<>();
  public int version;

  public Graph() {}
}
