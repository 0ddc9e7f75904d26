/** Probes of a host as the network sees it: which of its ports accept connections. */
package dev.preflight.host;
