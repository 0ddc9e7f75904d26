/**
 * The network layer's workings: trust stores, sockets, DNS plumbing and certificate rules. Not API:
 * anything here may change without notice; probes use {@link dev.preflight.net.Network}.
 */
package dev.preflight.net.internal;
