package dev.custody.domains.confine;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The capabilities the host granted a confined domain ({@link ConfinementPolicy#withCapability}),
 * handed to the domain's entry class when it is created: a public constructor or a public static
 * {@code create} method taking {@code Capabilities}.
 *
 * <p>Part of Custody's API visible inside confined domains. Immutable and thread-safe.
 */
public final class Capabilities {
  private static final Capabilities NONE = new Capabilities(Map.of());
  private final Map<String, Object> granted;

  private Capabilities(Map<String, Object> granted) {
    this.granted = granted;
  }

  static Capabilities of(Map<String, Object> granted) {
    return granted.isEmpty() ? NONE : new Capabilities(Map.copyOf(granted));
  }

  /**
   * The capability granted under {@code name}, as {@code type}.
   *
   * @throws CapabilityException if none was granted under that name or it is not a {@code type}
   */
  public <T> T get(String name, Class<T> type) {
    Objects.requireNonNull(type, "type");
    Object c = granted.get(Objects.requireNonNull(name, "name"));
    if (c == null) {
      throw new CapabilityException("no capability '" + name + "' was granted to this domain"
          + " (granted: " + granted.keySet() + ")");
    }
    if (!type.isInstance(c)) {
      throw new CapabilityException("capability '" + name + "' is not a " + type.getName());
    }
    return type.cast(c);
  }

  /** Whether a capability was granted under {@code name}. */
  public boolean has(String name) {
    return granted.containsKey(name);
  }

  /** Names of the granted capabilities. */
  public Set<String> names() {
    return granted.keySet();
  }
}
