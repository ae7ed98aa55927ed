package dev.custody.checker;

import dev.custody.checker.ifc.IfcPass;
import dev.custody.checker.ownership.OwnershipPass;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry of checker passes, in the order they run. Add a pass by adding one line to {@link
 * #create()}.
 *
 * <p>The plugin accepts {@code -Xplugin:"Custody only=custody.ownership,custody.ifc"} (or {@code
 * skip=…}) to run a subset; keys may be given with or without the {@code custody.} prefix.
 */
public final class Passes {
  private Passes() {}

  /** Fresh instances of every pass, one set per compilation. */
  public static List<CheckerPass> create() {
    return create(Map.of());
  }

  /** Plugin arguments that configure passes rather than select them. */
  public static final Set<String> SETTINGS = Set.of("lattice", "policy");

  /** Fresh instances of every pass, configured by {@code settings} (keys from {@link #SETTINGS}). */
  public static List<CheckerPass> create(Map<String, String> settings) {
    return List.of(new OwnershipPass(), new IfcPass(settings));
  }

  /** The passes selected by the plugin arguments {@code only=a,b} and {@code skip=c}. */
  public static List<CheckerPass> select(List<CheckerPass> all, Set<String> only, Set<String> skip) {
    List<CheckerPass> out = new ArrayList<>();
    for (CheckerPass p : all) {
      boolean wanted = only.isEmpty() || matches(only, p.key());
      if (wanted && !matches(skip, p.key())) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean matches(Set<String> names, String key) {
    String shortKey = key.startsWith("custody.") ? key.substring("custody.".length()) : key;
    return names.contains(key) || names.contains(shortKey);
  }
}
