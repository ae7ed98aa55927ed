package dev.custody.netfn.packet;

/** Why a network function dropped a packet; each has its own counter in {@link DropCounters}. */
public enum DropReason {
  /** Fewer bytes than the headers need. */
  SHORT_PACKET,
  /** Not an IPv4 packet (EtherType or version). */
  NOT_IPV4,
  /** IPv4 header length under 20 bytes or beyond the packet. */
  BAD_IHL,
  /** IPv4 total length shorter than the header or longer than the packet. */
  BAD_TOTAL_LENGTH,
  /** Transport header missing or inconsistent. */
  BAD_TRANSPORT_HEADER,
  /** TTL reached zero. */
  TTL_EXPIRED,
  /** A firewall rule said so. */
  FIREWALL_DENY,
  /** The load balancer has no backend. */
  NO_BACKEND
}
