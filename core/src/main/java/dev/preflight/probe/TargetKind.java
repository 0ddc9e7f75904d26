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
     * The lower-case name used in configuration files and reports.
     *
     * @return e.g. {@code "web"}
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
