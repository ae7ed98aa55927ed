package org.acme.host;

/** A host class outside every package a confined domain may see. */
public final class HostSecret {
  public static int value = 42;

  private HostSecret() {}
}
