/**
 * Probes of a Redis server ({@code redis://} and {@code rediss://} targets): authentication, TLS,
 * persistence, memory limits, dangerous commands and version. All of a target's probes share one
 * connection per run and send only read-only commands. Every probe that connects gives FAIL when the
 * port answers in another protocol than Redis's (RESP), ERROR when it cannot be reached or does not
 * answer before the deadline, and SKIP for a target without a Redis URL.
 */
package dev.preflight.db.redis;
