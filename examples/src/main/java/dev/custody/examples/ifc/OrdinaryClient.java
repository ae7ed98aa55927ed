package dev.custody.examples.ifc;

import dev.custody.ifc.Channel;
import java.util.ArrayList;
import java.util.List;

/**
 * A non-privileged client: what it receives is public (its {@link #deliver} parameter is a
 * {@code @Channel("public")}), so the checker proves that no privileged data reaches it.
 *
 * <p>Not thread-safe.
 */
public final class OrdinaryClient implements Client {
  private final String name;
  private final List<String> inbox = new ArrayList<>();

  public OrdinaryClient(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** Receives one item from the store. */
  public void deliver(String key, @Channel("public") String value) {
    inbox.add(key + "=" + value);
  }

  public List<String> inbox() {
    return inbox;
  }
}
