package dev.custody.checkpoint.model;

import dev.custody.Shared;
import dev.custody.checkpoint.Checkpointable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Lists, a map, an array and Shared leaves reachable several ways (one through a final list). */
@Checkpointable
public final class Catalog {
  public List<Leaf> items = new ArrayList<>();
  public Map<String, Leaf> byName = new HashMap<>();
  public Shared<Leaf> featured;
  public List<Shared<Leaf>> shelf = new ArrayList<>();
  public Leaf[] slots;
  public final List<Shared<Leaf>> pinned = new ArrayList<>();
  public double price;

  public Catalog() {}

  /** Every copied field, as text (Shared targets by value). */
  public String describe() {
    return items + "|" + new java.util.TreeMap<>(byName) + "|" + (featured == null ? null : featured.get())
        + "|" + shelf.stream().map(s -> s == null ? null : s.get()).toList() + "|" + Arrays.toString(slots)
        + "|" + pinned.stream().map(Shared::get).toList() + "|" + price;
  }
}
