package dev.custody.examples.ifc;

/** A client of the {@link SecureStore}: privileged or ordinary. */
public sealed interface Client permits PrivilegedClient, OrdinaryClient {
  String name();
}
