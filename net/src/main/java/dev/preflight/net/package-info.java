/**
 * The network layer every probe family shares: {@link dev.preflight.net.Network} gives a check
 * deadline-bound DNS lookups, sockets, TLS inspection with one certificate judgement, and HTTP
 * clients, all honouring {@code --resolve}, {@code --dns-server} and {@code --ca-file}.
 */
package dev.preflight.net;
