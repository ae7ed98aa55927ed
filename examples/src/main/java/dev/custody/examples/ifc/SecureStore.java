package dev.custody.examples.ifc;

import dev.custody.ifc.Label;
import java.util.HashMap;
import java.util.Map;

/**
 * The paper's secure data store (§4): it stores data on behalf of several clients and never lets
 * privileged clients' data reach non-privileged ones. The bound is stated with labels, not
 * assertions: privileged data lives in a {@code secret} map, and an {@link OrdinaryClient}
 * receives through a {@code public} channel; the information-flow check proves the access check
 * in {@link #serve} right at compile time. A copy with a seeded access-check bug is rejected (see
 * the checker's {@code SecureStoreExampleTest}).
 *
 * <p>Not thread-safe.
 */
public final class SecureStore {
  @Label("secret") private final Map<String, String> privilegedData = new HashMap<>();
  private final Map<String, String> ordinaryData = new HashMap<>();

  /** Stores privileged data: secret from the moment it enters. */
  public void put(PrivilegedClient from, String key, @Label("secret") String value) {
    privilegedData.put(key, value);
  }

  /** Stores an ordinary client's data: public. */
  public void put(OrdinaryClient from, String key, String value) {
    ordinaryData.put(key, value);
  }

  /** Sends {@code key} to {@code client}; the access check decides what the client may read. */
  public void serve(Client client, String key) {
    if (client instanceof PrivilegedClient p) {
      p.deliver(key, readAny(key));
    } else if (client instanceof OrdinaryClient o) {
      o.deliver(key, readOrdinary(key));
    }
  }

  private String readAny(String key) {
    String v = privilegedData.get(key);
    return v != null ? v : readOrdinary(key);
  }

  private String readOrdinary(String key) {
    return ordinaryData.getOrDefault(key, "");
  }
}
