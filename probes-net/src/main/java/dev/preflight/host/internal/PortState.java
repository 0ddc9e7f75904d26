package dev.preflight.host.internal;

/** What one connection attempt found. */
public enum PortState {
    /** The handshake completed: something listens and this network may reach it. */
    OPEN,
    /** A reset came back: nothing listens, or a firewall rejects. */
    REFUSED,
    /** No answer within the attempt's share of the deadline: a firewall drops the packets. */
    FILTERED,
    /** No route to the address, or the network is down: nothing is known about the port. */
    UNREACHABLE,
    /** The deadline came before the attempt could start. */
    NOT_TRIED
}
