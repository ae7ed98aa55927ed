package dev.custody.netfn.firewall;

/** What a firewall rule does with a matching packet. */
public enum Action {
  /** Let the packet through. */
  ALLOW,
  /** Drop the packet. */
  DENY
}
