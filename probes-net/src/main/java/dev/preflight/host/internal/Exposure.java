package dev.preflight.host.internal;

/** How bad it is that a port of a known service accepts connections from where Preflight runs. */
public enum Exposure {
    /** A database, cache, queue or admin API (Docker, etcd, kubelet): open to the network means FAIL. */
    CRITICAL,
    /** Any other service nobody said to expect: WARN. */
    UNEXPECTED
}
