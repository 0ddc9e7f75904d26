package dev.preflight.db.postgres.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.probe.ProbeContext;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The server a restore drill writes to: connections of their own (not the target's shared,
 * read-only session), each with pgjdbc's timeouts from the check's time left and sockets the check
 * can cancel. Immutable.
 */
public final class ScratchServer {
    private final PostgresUrl url;

    /** @param url the scratch server's URL; its database is the one to connect to for CREATE and DROP */
    public ScratchServer(PostgresUrl url) {
        this.url = url;
    }

    /** @return the URL */
    public PostgresUrl url() {
        return url;
    }

    /**
     * @param context the check
     * @param database the database to connect to
     * @return an autocommit connection, to close
     * @throws SQLException if the server cannot be reached or refuses the login
     * @throws DeadlineExceededException if no time is left
     */
    public Connection connect(ProbeContext context, String database) throws SQLException, DeadlineExceededException {
        Connection connection = DriverConnections.open(context, url, database, "preflight restore drill", false);
        // abort, not close: close would wait for a statement blocked on the socket.
        context.onCancel(() -> connection.abort(Runnable::run));
        return connection;
    }
}
