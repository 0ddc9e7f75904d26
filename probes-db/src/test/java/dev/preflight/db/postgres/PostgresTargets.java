package dev.preflight.db.postgres;

import dev.preflight.probe.Target;
import dev.preflight.testsupport.PostgresTestServer;

/** Targets for the private test servers: a role's URL, with the query given. */
final class PostgresTargets {
    /** The application role's password in every test server that has one. */
    static final String APP_PASSWORD = "app-S3cret-pw";
    /** Creates a login role {@code app} (no superuser) with {@link #APP_PASSWORD}, stored as SCRAM. */
    static final String APP_ROLE = "CREATE ROLE app LOGIN PASSWORD '" + APP_PASSWORD + "';";

    private PostgresTargets() {
    }

    static Target app(PostgresTestServer server, String database, String query) {
        return url(server, "app", APP_PASSWORD, database, query);
    }

    static Target url(PostgresTestServer server, String user, String password, String database, String query) {
        return Target.forUrl("postgresql://" + user + (password == null ? "" : ":" + password) + "@" + server.host()
                + ":" + server.port() + "/" + database + (query.isEmpty() ? "" : "?" + query));
    }
}
