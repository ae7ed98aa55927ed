package dev.custody.examples.ifc;

import dev.custody.ifc.Channel;
import dev.custody.ifc.Label;
import java.util.ArrayList;
import java.util.List;

/**
 * A privileged client: it may receive secret data, and what it holds is secret.
 *
 * <p>Not thread-safe.
 */
public final class PrivilegedClient implements Client {
  private final String name;
  @Label("secret") private final List<String> inbox = new ArrayList<>();

  public PrivilegedClient(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  /** Receives one item from the store. */
  public void deliver(String key, @Channel("secret") String value) {
    inbox.add(key + "=" + value);
  }

  @Label("secret")
  public List<String> inbox() {
    return inbox;
  }
}
