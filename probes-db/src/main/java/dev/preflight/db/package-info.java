/** Probes of PostgreSQL and Redis servers. Filled by a later issue. */
package dev.preflight.db;
