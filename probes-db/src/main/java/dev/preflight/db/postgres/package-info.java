/** PostgreSQL probes: TLS, authentication, WAL archiving and server settings, over one shared pgjdbc connection. */
package dev.preflight.db.postgres;
