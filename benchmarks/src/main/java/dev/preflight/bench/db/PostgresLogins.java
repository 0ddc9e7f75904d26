package dev.preflight.bench.db;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own count of connections, from its log with {@code log_connections = on}: every TCP
 * connection logs {@code connection received}, and a login that succeeds logs
 * {@code connection authorized} too. The difference is startups that never logged in, such as
 * {@code postgres.auth}'s deliberate password-less attempts.
 */
record PostgresLogins(int received, int authorized) {
    private static final Pattern RECEIVED = Pattern.compile("connection received: host=127\\.0\\.0\\.1");
    private static final Pattern AUTHORIZED = Pattern.compile("connection authorized: user=");

    static PostgresLogins in(String log) {
        return new PostgresLogins(count(RECEIVED, log), count(AUTHORIZED, log));
    }

    PostgresLogins minus(PostgresLogins earlier) {
        return new PostgresLogins(received - earlier.received, authorized - earlier.authorized);
    }

    /** @return TCP connections that never logged in */
    int withoutLogin() {
        return received - authorized;
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
