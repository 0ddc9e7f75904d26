package dev.preflight.probe;

/**
 * What a target is, and so which probes apply to it. A target's kind follows from its URL scheme or
 * from the key that declares it in the configuration.
 *
 * <pre>{@code
 * if (context.target().kind() == TargetKind.WEB) { ... }
 * }</pre>
 *
 * @since 0.1
 */
public enum TargetKind {
    /** A web site or API: an {@code https://} or {@code http://} URL. */
    WEB,
    /** A mail or DNS domain, declared with {@code domain:}. */
    DOMAIN,
    /** A PostgreSQL server: a {@code postgresql://} URL. */
    POSTGRES,
    /** A Redis server: a {@code redis://} or {@code rediss://} URL. */
    REDIS,
    /** A mail submission server: an {@code smtp://} or {@code smtps://} URL. */
    SMTP,
    /** A Stripe account, declared with a {@code stripe:} block. */
    STRIPE,
    /** A Razorpay account, declared with a {@code razorpay:} block. */
    RAZORPAY,
    /** An application's environment: the variables of a dotenv file, checked offline. */
    ENV;

    /**
     * The kind a URL scheme implies.
     *
     * <pre>{@code
     * TargetKind.forScheme("rediss");   // Optional[REDIS]
     * }</pre>
     *
     * @param scheme a URL scheme, any case, may be null
     * @return WEB for https/http, POSTGRES for postgres(ql), REDIS for redis(s), SMTP for smtp(s);
     *     empty for any other scheme
     */
    public static java.util.Optional<TargetKind> forScheme(String scheme) {
        String s = scheme == null ? "" : scheme.toLowerCase(java.util.Locale.ROOT);
        return java.util.Optional.ofNullable(switch (s) {
            case "https", "http" -> WEB;
            case "postgres", "postgresql" -> POSTGRES;
            case "redis", "rediss" -> REDIS;
            case "smtp", "smtps" -> SMTP;
            default -> null;
        });
    }

    /**
     * The lower-case name used in configuration files and reports.
     *
     * @return e.g. {@code "web"}
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
