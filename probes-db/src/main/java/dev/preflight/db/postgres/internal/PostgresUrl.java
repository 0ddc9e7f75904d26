package dev.preflight.db.postgres.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.support.UserInfo;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code postgresql://} or {@code postgres://} URL as libpq reads it: user and password in the
 * user information (percent-encoded), host, port (5432), database (the user's name when absent) and
 * query parameters such as {@code sslmode}. The password may instead be the target's secret
 * {@code password}. Immutable; {@link #toString()} shows no password.
 */
public final class PostgresUrl {
    /** pgjdbc's default, as libpq's: TLS if the server offers it, else plaintext. */
    public static final String DEFAULT_SSL_MODE = "prefer";
    private static final int DEFAULT_PORT = 5432;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final Secret password;
    private final Map<String, String> parameters;

    private PostgresUrl(String host, int port, String database, String user, Secret password,
            Map<String, String> parameters) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.parameters = Map.copyOf(parameters);
    }

    /**
     * @param target a PostgreSQL target
     * @return its URL, or empty when it has none
     * @throws IllegalArgumentException if the URL names no host (a unix socket or several hosts)
     */
    public static Optional<PostgresUrl> of(Target target) {
        Optional<URI> uri = target.uri();
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        URI u = uri.get();
        if (u.getHost() == null || u.getHost().isEmpty()) {
            throw new IllegalArgumentException("the URL names no single TCP host; unix sockets and multi-host URLs"
                    + " are not checked");
        }
        String user = null;
        Secret password = target.secret("password").orElse(null);
        Optional<UserInfo> info = UserInfo.of(u);
        if (info.isPresent()) {
            user = info.get().name();
            password = info.get().password().orElse(password);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = u.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                }
            }
        }
        if (user == null) {
            user = parameters.getOrDefault("user", target.attribute("user").orElse(System.getProperty("user.name")));
        }
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        String database = path.length() > 1 ? decode(path.substring(1)) : parameters.getOrDefault("dbname", user);
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        return Optional.of(new PostgresUrl(host, u.getPort() < 0 ? DEFAULT_PORT : u.getPort(), database, user,
                password, parameters));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** @return the host name or IP literal, without brackets */
    public String host() {
        return host;
    }

    /** @return the TCP port */
    public int port() {
        return port;
    }

    /** @return the database */
    public String database() {
        return database;
    }

    /** @return the role to log in as */
    public String user() {
        return user;
    }

    /** @return the password, when the URL or the target has one */
    public Optional<Secret> password() {
        return Optional.ofNullable(password);
    }

    /** @param name a query parameter @return its value */
    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** @return whether the URL sets {@code sslmode} at all */
    public boolean setsSslMode() {
        return parameters.containsKey("sslmode");
    }

    /** @return {@code sslmode}, lower case, {@value #DEFAULT_SSL_MODE} when absent */
    public String sslMode() {
        return parameters.getOrDefault("sslmode", DEFAULT_SSL_MODE).toLowerCase(Locale.ROOT);
    }

    /** @return whether {@link #sslMode()} lets the client fall back to plaintext (or asks for it) */
    public boolean allowsPlaintext() {
        return switch (sslMode()) {
            case "require", "verify-ca", "verify-full" -> false;
            default -> true;
        };
    }

    /** @return whether the client checks the certificate's chain ({@code verify-ca}, {@code verify-full}) */
    public boolean verifiesCertificate() {
        return sslMode().startsWith("verify-");
    }

    /** @return {@code host:port}, e.g. for a result's subject */
    public String endpoint() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return {@code user@host:port/database}, without the password */
    @Override
    public String toString() {
        return user + "@" + endpoint() + "/" + database;
    }
}
