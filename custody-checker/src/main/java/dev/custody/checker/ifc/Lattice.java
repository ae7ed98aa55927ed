package dev.custody.checker.ifc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A finite security lattice: named labels, a partial order and its join.
 *
 * <p>The default is {@code public ⊑ secret}. A project declares its own in {@code
 * custody-lattice.properties} (found on the source path or the class path, or named by the plugin
 * argument {@code lattice=FILE}):
 *
 * <pre>
 * labels = public, alice, bob, secret
 * order  = public &lt; alice &lt; secret, public &lt; bob &lt; secret
 * </pre>
 *
 * {@code order} lists chains separated by commas; the order is their reflexive-transitive closure.
 * The lattice must have a least element (the label of unannotated data) and a least upper bound
 * for every pair; otherwise {@link #parse} fails naming the offending labels.
 *
 * <p>Immutable and thread-safe. Labels are small ints ({@link #index}).
 */
public final class Lattice {
  private final List<String> names;
  private final boolean[][] leq;
  private final int[][] join;
  private final int bottom;

  private Lattice(List<String> names, boolean[][] leq, String where) {
    this.names = List.copyOf(names);
    this.leq = leq;
    int n = names.size();
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        if (a != b && leq[a][b] && leq[b][a]) {
          throw new IllegalArgumentException(where + ": labels '" + names.get(a) + "' and '"
              + names.get(b) + "' are ordered both ways (cycle)");
        }
      }
    }
    int bot = -1;
    for (int a = 0; a < n && bot < 0; a++) {
      boolean least = true;
      for (int b = 0; b < n; b++) {
        least &= leq[a][b];
      }
      if (least) {
        bot = a;
      }
    }
    if (bot < 0) {
      throw new IllegalArgumentException(where + ": no least label (every label must be above one bottom label, e.g. 'public')");
    }
    this.bottom = bot;
    this.join = new int[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        int lub = -1;
        for (int c = 0; c < n; c++) {
          if (leq[a][c] && leq[b][c] && (lub < 0 || leq[c][lub])) {
            lub = c;
          }
        }
        for (int c = 0; c < n && lub >= 0; c++) {
          if (leq[a][c] && leq[b][c] && !leq[lub][c]) {
            lub = -2;
          }
        }
        if (lub < 0) {
          throw new IllegalArgumentException(where + ": labels '" + names.get(a) + "' and '" + names.get(b)
              + "' have no least upper bound; add their join to the lattice");
        }
        join[a][b] = lub;
      }
    }
  }

  /** {@code public ⊑ secret}. */
  public static Lattice defaultLattice() {
    return fromOrder(List.of("public", "secret"), List.<String[]>of(new String[] {"public", "secret"}), "default lattice");
  }

  /** A lattice from labels and {@code lower ⊑ higher} pairs. */
  public static Lattice fromOrder(List<String> labels, List<String[]> pairs, String where) {
    Map<String, Integer> ix = new LinkedHashMap<>();
    for (String l : labels) {
      if (ix.putIfAbsent(l, ix.size()) != null) {
        throw new IllegalArgumentException(where + ": label '" + l + "' declared twice");
      }
    }
    int n = ix.size();
    if (n == 0) {
      throw new IllegalArgumentException(where + ": no labels declared");
    }
    boolean[][] leq = new boolean[n][n];
    for (int i = 0; i < n; i++) {
      leq[i][i] = true;
    }
    for (String[] p : pairs) {
      Integer lo = ix.get(p[0]);
      Integer hi = ix.get(p[1]);
      if (lo == null || hi == null) {
        throw new IllegalArgumentException(where + ": order mentions undeclared label '" + (lo == null ? p[0] : p[1]) + "'");
      }
      leq[lo][hi] = true;
    }
    for (int k = 0; k < n; k++) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          leq[i][j] |= leq[i][k] && leq[k][j];
        }
      }
    }
    return new Lattice(new ArrayList<>(ix.keySet()), leq, where);
  }

  /** Parses the {@code custody-lattice.properties} format (see the class comment). */
  public static Lattice parse(Properties p, String where) {
    String labels = p.getProperty("labels");
    if (labels == null) {
      throw new IllegalArgumentException(where + ": missing 'labels = a, b, ...'");
    }
    List<String> names = new ArrayList<>();
    for (String s : labels.split(",")) {
      if (!s.isBlank()) {
        names.add(s.strip());
      }
    }
    List<String[]> pairs = new ArrayList<>();
    for (String chain : p.getProperty("order", "").split(",")) {
      if (chain.isBlank()) {
        continue;
      }
      String[] parts = chain.split("<");
      for (int i = 0; i + 1 < parts.length; i++) {
        if (parts[i].isBlank() || parts[i + 1].isBlank()) {
          throw new IllegalArgumentException(where + ": malformed chain '" + chain.strip() + "'");
        }
        pairs.add(new String[] {parts[i].strip(), parts[i + 1].strip()});
      }
    }
    return fromOrder(names, pairs, where);
  }

  /** The label's index, or -1 if the lattice has no such label. */
  public int index(String name) {
    return names.indexOf(name);
  }

  public String name(int label) {
    return names.get(label);
  }

  public List<String> names() {
    return names;
  }

  public int bottom() {
    return bottom;
  }

  public boolean leq(int a, int b) {
    return leq[a][b];
  }

  public int join(int a, int b) {
    return join[a][b];
  }

  /** The greatest label (the join of all). */
  public int top() {
    int t = bottom;
    for (int i = 0; i < names.size(); i++) {
      t = join(t, i);
    }
    return t;
  }

  @Override
  public String toString() {
    return "Lattice" + names;
  }
}
