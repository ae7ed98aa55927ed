package dev.custody.checkpoint.model;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;
import java.util.ArrayList;
import java.util.List;

/** A graph node: aliasing and cycles through Shared only. */
@Checkpointable
public final class Node {
  public int id;
  public Shared<Node> next;
  public List<Shared<Node>> peers = new ArrayList<>();

  public Node() {}

  public Node(int id) {
    this.id = id;
  }
}
