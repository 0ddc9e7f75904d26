/**
 * Probes of a Redis server ({@code redis://} and {@code rediss://} targets): authentication, TLS,
 * persistence, memory limits, dangerous commands and version. All of a target's probes share one
 * connection per run and send only read-only commands.
 */
package dev.preflight.db.redis;
