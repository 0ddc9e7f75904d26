package dev.preflight.env.internal;

/**
 * A Sentry DSN, {@code https://<publicKey>@<host>/<projectId>} (the "Data Source Name" page of the
 * Sentry docs); self-hosted installs may put a path before the project id. Keeps only what is safe to
 * print: the public key is left out.
 *
 * @param host the ingest host, e.g. {@code o123456.ingest.sentry.io}
 * @param projectId the numeric project id
 * @since 0.1
 */
public record SentryDsn(String host, String projectId) {

    /**
     * @param value a DSN
     * @return the parsed DSN
     * @throws IllegalArgumentException with a reason that quotes no part of the value
     */
    public static SentryDsn parse(String value) {
        EnvUrl url = EnvUrl.parse(value);
        if (!url.scheme().equals("https")) {
            throw new IllegalArgumentException(url.scheme().equals("http")
                    ? "uses http, so error reports travel unencrypted" : "is not an https:// URL");
        }
        if (url.user().filter(u -> !u.isEmpty()).isEmpty()) {
            throw new IllegalArgumentException("has no public key before the '@'");
        }
        if (url.hosts().size() != 1) {
            throw new IllegalArgumentException("has no host");
        }
        String path = url.path().endsWith("/") ? url.path().substring(0, url.path().length() - 1) : url.path();
        String projectId = path.substring(path.lastIndexOf('/') + 1);
        if (!projectId.matches("\\d+")) {
            throw new IllegalArgumentException("does not end in a numeric project id");
        }
        return new SentryDsn(url.host(), projectId);
    }
}
