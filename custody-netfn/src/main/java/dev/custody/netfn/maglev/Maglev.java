package dev.custody.netfn.maglev;

import java.util.ArrayList;
import java.util.List;

/**
 * A Maglev load balancer: consistent hashing ({@link MaglevTable}) plus connection tracking
 * ({@link ConnectionTable}). {@link #lookup} gives a flow's backend id: the connection table's
 * entry if the flow is known, else the lookup table's, which is then recorded.
 *
 * <p>Removing a backend rebuilds the lookup table over the rest and forgets only the removed
 * backend's connections, so every other established flow keeps its backend.
 *
 * <p>Not thread-safe (the connection table is per instance); {@link #table()} is immutable.
 */
public final class Maglev {
  private final List<String> names;
  private final boolean[] alive;
  private final int tableSize;
  private final ConnectionTable connections;
  private MaglevTable table;
  private long lookups;
  private long connectionHits;

  public Maglev(List<String> backends) {
    this(backends, MaglevTable.DEFAULT_SIZE, 1 << 16);
  }

  /**
   * @param backends backend names, unique; backend id {@code i} is {@code backends.get(i)}
   * @param tableSize lookup table size (prime)
   * @param maxConnections connection table capacity
   */
  public Maglev(List<String> backends, int tableSize, int maxConnections) {
    if (backends.isEmpty()) {
      throw new IllegalArgumentException("Maglev needs at least one backend");
    }
    if (new java.util.HashSet<>(backends).size() != backends.size()) {
      throw new IllegalArgumentException("backend names must be unique: " + backends);
    }
    this.names = List.copyOf(backends);
    this.alive = new boolean[names.size()];
    java.util.Arrays.fill(alive, true);
    this.tableSize = tableSize;
    this.connections = new ConnectionTable(maxConnections);
    rebuild();
  }

  private void rebuild() {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < alive.length; i++) {
      if (alive[i]) {
        ids.add(i);
      }
    }
    table = new MaglevTable(names, ids.stream().mapToInt(Integer::intValue).toArray(), tableSize);
  }

  /** The backend id for a flow. Allocation-free. */
  public int lookup(int srcIp, int dstIp, int srcPort, int dstPort, int protocol) {
    lookups++;
    long h = MaglevHash.flow(srcIp, dstIp, srcPort, dstPort, protocol);
    int id = connections.get(h, srcIp, dstIp, srcPort, dstPort, protocol);
    if (id >= 0) {
      connectionHits++;
      return id;
    }
    id = table.lookup(h);
    connections.put(h, srcIp, dstIp, srcPort, dstPort, protocol, id);
    return id;
  }

  /**
   * Takes backend {@code name} out of service; returns how many tracked connections it had.
   *
   * @throws IllegalArgumentException if unknown, already removed, or the last one
   */
  public int removeBackend(String name) {
    int id = names.indexOf(name);
    if (id < 0 || !alive[id]) {
      throw new IllegalArgumentException("no live backend named '" + name + "'");
    }
    int live = 0;
    for (boolean a : alive) {
      live += a ? 1 : 0;
    }
    if (live == 1) {
      throw new IllegalArgumentException("cannot remove '" + name + "': it is the last backend");
    }
    alive[id] = false;
    rebuild();
    return connections.removeBackend(id);
  }

  public String backendName(int id) {
    return names.get(id);
  }

  public int backendCount() {
    return names.size();
  }

  public boolean isAlive(int id) {
    return alive[id];
  }

  public MaglevTable table() {
    return table;
  }

  public ConnectionTable connections() {
    return connections;
  }

  public long lookups() {
    return lookups;
  }

  public long connectionHits() {
    return connectionHits;
  }
}
