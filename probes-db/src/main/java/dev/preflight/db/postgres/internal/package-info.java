/** Helpers of the PostgreSQL probes: the target's URL, the shared connection, and the raw wire protocol. */
package dev.preflight.db.postgres.internal;
