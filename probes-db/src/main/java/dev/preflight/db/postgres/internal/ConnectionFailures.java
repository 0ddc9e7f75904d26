package dev.preflight.db.postgres.internal;

import dev.preflight.net.NetworkFailures;
import java.io.IOException;
import java.sql.SQLException;

/** Turns what a connection or a statement threw into one sentence for an ERROR result. */
public final class ConnectionFailures {
    /** SQLSTATE {@code query_canceled}: here, {@code statement_timeout} ran out. */
    private static final String QUERY_CANCELED = "57014";

    private ConnectionFailures() {
    }

    /**
     * @param e what pgjdbc or a socket threw
     * @param url the target's URL, for the endpoint
     * @return e.g. {@code no answer from db.internal:5432 before the deadline}
     */
    public static String describe(Exception e, PostgresUrl url) {
        String endpoint = url.endpoint();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return NetworkFailures.describe(io, endpoint);
            }
        }
        if (e instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "" : sql.getSQLState();
            String message = sql.getMessage() == null ? sql.getClass().getSimpleName() : sql.getMessage();
            if (QUERY_CANCELED.equals(state) || message.contains("timed out")) {
                return "no answer from " + endpoint + " before the deadline";
            }
            if (state.startsWith("28")) {
                return endpoint + " refused the login of " + url.user() + ": " + message;
            }
            if (state.startsWith("08")) {
                return "cannot connect to " + endpoint + ": " + message;
            }
            return endpoint + " answered with an error (SQLSTATE " + state + "): " + message;
        }
        return "cannot check " + endpoint + ": " + e;
    }
}
