package dev.preflight.db.postgres.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.probe.ProbeContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import org.postgresql.Driver;

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
        long millis = context.remaining().toMillis();
        if (millis <= 0) {
            throw new DeadlineExceededException("no time left before the deadline to connect to " + url.endpoint());
        }
        String seconds = String.valueOf(Math.max(1, (millis + 999) / 1000));
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        url.password().ifPresent(p -> properties.setProperty("password", p.reveal()));
        properties.setProperty("sslmode", url.sslMode());
        for (String name : new String[] {"sslrootcert", "sslcert", "sslkey"}) {
            url.parameter(name).ifPresent(v -> properties.setProperty(name, v));
        }
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("loginTimeout", String.format(Locale.ROOT, "%.3f", millis / 1000.0));
        properties.setProperty("ApplicationName", "preflight restore drill");
        properties.setProperty("socketFactory", CheckSockets.class.getName());
        String key = CheckSockets.register(context);
        properties.setProperty(CheckSockets.KEY, key);
        String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
        String jdbc = "jdbc:postgresql://" + host + ":" + url.port() + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        try {
            Connection connection = new Driver().connect(jdbc, properties);
            if (connection == null) {
                throw new SQLException("pgjdbc did not accept the URL of " + url.endpoint());
            }
            // abort, not close: close would wait for a statement blocked on the socket.
            context.onCancel(() -> connection.abort(Runnable::run));
            return connection;
        } finally {
            CheckSockets.release(key);
        }
    }
}
