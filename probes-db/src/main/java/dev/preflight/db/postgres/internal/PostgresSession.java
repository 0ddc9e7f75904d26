package dev.preflight.db.postgres.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.SharedKey;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one pgjdbc connection a PostgreSQL target's probes share in a run ({@link #of}), closed when
 * the run ends. It is opened with the target's credentials, with pgjdbc's {@code connectTimeout},
 * {@code socketTimeout} and {@code loginTimeout} from the opening check's deadline, over sockets
 * that check can cancel ({@link CheckSockets}). Probes take turns ({@link #use}): each turn is a
 * READ ONLY transaction with {@code SET LOCAL statement_timeout} and a socket read timeout from that
 * probe's time left, rolled back at its end. A probe cancelled during its turn closes the
 * connection, since its statement may still be running. Thread-safe.
 */
public final class PostgresSession implements AutoCloseable {
    /** Socket timeouts from the network timeout run on the caller's thread: nothing to schedule. */
    private static final Executor DIRECT = Runnable::run;

    private final Connection connection;
    private final ReentrantLock turn = new ReentrantLock();

    private PostgresSession(Connection connection) {
        this.connection = connection;
    }

    /**
     * The target's shared session, opened by the first probe that asks.
     *
     * @param context the asking check
     * @param url the target's URL
     * @return the session
     * @throws SQLException if the server cannot be reached or refuses the login
     * @throws Exception as {@link ProbeContext#shared}
     */
    public static PostgresSession of(ProbeContext context, PostgresUrl url) throws Exception {
        return context.shared(SharedKey.perTarget("postgres.session:" + url, PostgresSession.class),
                () -> open(context, url));
    }

    private static PostgresSession open(ProbeContext context, PostgresUrl url) throws SQLException, IOException {
        Connection connection = DriverConnections.open(context, url, url.database(), "preflight", true);
        try {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            }
            connection.commit();
            return new PostgresSession(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * One probe's turn on the connection, waiting for another probe's turn to end within the
     * caller's deadline.
     *
     * @param context the probe's check
     * @param work what to ask, in a READ ONLY transaction bound by the probe's time left
     * @param <T> what the work returns
     * @return what the work returned
     * @throws SQLException if a statement fails or times out, or the connection is closed
     * @throws DeadlineExceededException if the deadline comes before the turn
     * @throws InterruptedException if the check is cancelled while waiting
     */
    public <T> T use(ProbeContext context, Work<T> work) throws SQLException, IOException, InterruptedException {
        if (!turn.tryLock(context.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
            throw new DeadlineExceededException("another probe still used the connection at the deadline");
        }
        Turn current = new Turn();
        context.onCancel(current);
        Exception failure = null;
        try {
            if (connection.isClosed()) {
                throw new SQLException("the shared connection was closed: an earlier probe of this target ran out of"
                        + " time during its query", "08003");
            }
            long millis = context.remaining().toMillis();
            if (millis <= 0) {
                throw new DeadlineExceededException("no time left before the deadline for a query");
            }
            connection.setNetworkTimeout(DIRECT, (int) Math.min(Integer.MAX_VALUE, millis));
            Sql sql = new Sql(connection);
            // A statement still running when the probe's time is up is ended by the server itself.
            sql.execute("SET LOCAL statement_timeout = " + millis);
            return work.run(sql);
        } catch (SQLException | IOException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            // The rollback is still part of the turn: cancelled during it, the probe aborts the connection.
            try {
                if (!connection.isClosed()) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
            } finally {
                current.end();
                turn.unlock();
            }
        }
    }

    /** Ends the session; pgjdbc closes the socket. */
    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * The questions one probe asks in its turn.
     *
     * @param <T> the answer
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param sql the transaction's statements
         * @return the answer
         * @throws SQLException if a statement fails
         */
        T run(Sql sql) throws SQLException;
    }

    /** A turn in progress: cancelling the check during it closes the connection. */
    private final class Turn implements AutoCloseable {
        private boolean ended;

        synchronized void end() {
            ended = true;
        }

        @Override
        public synchronized void close() throws SQLException {
            if (!ended) {
                // abort, not close: close waits for the statement that is blocked on the socket.
                connection.abort(DIRECT);
            }
        }
    }
}
