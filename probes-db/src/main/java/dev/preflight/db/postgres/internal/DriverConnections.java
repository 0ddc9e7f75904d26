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
 * Opens pgjdbc connections the way every PostgreSQL probe needs them: credentials and TLS from the
 * URL, the run's trust when the URL verifies certificates without naming a root, pgjdbc's timeouts
 * from the check's time left, and sockets from the network layer that the check can cancel.
 */
public final class DriverConnections {

    private DriverConnections() {
    }

    /**
     * @param context the check
     * @param url the server's URL
     * @param database the database to connect to
     * @param applicationName what the server shows in {@code pg_stat_activity}
     * @param readOnly whether pgjdbc should mark the connection read-only
     * @return the connection, to close
     * @throws SQLException if the server cannot be reached or refuses the login
     * @throws DeadlineExceededException if no time is left
     */
    public static Connection open(ProbeContext context, PostgresUrl url, String database, String applicationName,
            boolean readOnly) throws SQLException, DeadlineExceededException {
        long millis = context.remaining().toMillis();
        if (millis <= 0) {
            throw new DeadlineExceededException("no time left before the deadline to connect to " + url.endpoint());
        }
        // pgjdbc takes whole seconds for these two (0 would mean forever), so round up: the
        // sockets' own deadline and the fractional loginTimeout keep the connect within the deadline.
        String seconds = String.valueOf(Math.max(1, (millis + 999) / 1000));
        Properties properties = new Properties();
        properties.setProperty("user", url.user());
        url.password().ifPresent(p -> properties.setProperty("password", p.reveal()));
        properties.setProperty("sslmode", url.sslMode());
        for (String name : new String[] {"sslrootcert", "sslcert", "sslkey"}) {
            url.parameter(name).ifPresent(v -> properties.setProperty(name, v));
        }
        if (url.verifiesCertificate() && url.parameter("sslrootcert").isEmpty()) {
            properties.setProperty("sslfactory", RunTrust.class.getName());
        }
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("loginTimeout", String.format(Locale.ROOT, "%.3f", millis / 1000.0));
        properties.setProperty("ApplicationName", applicationName);
        if (readOnly) {
            properties.setProperty("readOnly", "true");
        }
        properties.setProperty("socketFactory", CheckSockets.class.getName());
        String key = CheckSockets.register(context);
        properties.setProperty(CheckSockets.KEY, key);
        String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
        String jdbc = "jdbc:postgresql://" + host + ":" + url.port() + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        try {
            // The driver itself, not DriverManager, which would offer the URL to every driver on the class path.
            Connection connection = new Driver().connect(jdbc, properties);
            if (connection == null) {
                throw new SQLException("pgjdbc did not accept the URL of " + url.endpoint());
            }
            return connection;
        } finally {
            CheckSockets.release(key);
        }
    }
}
