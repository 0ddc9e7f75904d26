/**
 * Helpers of the Redis probes: the target's endpoint and credentials, the one connection per target
 * and run that every Redis probe shares, the read-only command list, and parsers of what Redis
 * answers. Not an API: anything here may change.
 */
package dev.preflight.db.redis.internal;
