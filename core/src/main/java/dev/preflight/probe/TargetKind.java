package dev.preflight.probe;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * What a target is, and so which probes apply to it: a probe runs on the targets whose kind equals
 * its {@link Probe#targetKind()}. A target's kind follows from its URL scheme, from the key that
 * declares it in the configuration, or from its {@code kind:}.
 *
 * <p>An open set of values, identified by their label: the constants are the kinds Preflight's own
 * modules check, and {@link #of(String)} names any other, so a module can bring probes for a kind
 * of its own ({@code TargetKind.of("mongodb")}). Two kinds are equal when their labels are. Instances
 * are interned, so {@code ==} against the constants also works, but compare with {@link #equals}.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * if (context.target().kind().equals(TargetKind.WEB)) { ... }
 * static final TargetKind MONGODB = TargetKind.of("mongodb");
 * }</pre>
 *
 * @since 0.1
 */
public final class TargetKind {
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9-]*");
    /** Every kind named so far; a handful per run, so it is never pruned. */
    private static final ConcurrentMap<String, TargetKind> KINDS = new ConcurrentHashMap<>();

    /** A web site or API: an {@code https://} or {@code http://} URL. */
    public static final TargetKind WEB = of("web");
    /** A mail or DNS domain, declared with {@code domain:}. */
    public static final TargetKind DOMAIN = of("domain");
    /** A PostgreSQL server: a {@code postgresql://} URL. */
    public static final TargetKind POSTGRES = of("postgres");
    /** A Redis server: a {@code redis://} or {@code rediss://} URL. */
    public static final TargetKind REDIS = of("redis");
    /** A mail submission server: an {@code smtp://} or {@code smtps://} URL. */
    public static final TargetKind SMTP = of("smtp");
    /** A Stripe account, declared with a {@code stripe:} block. */
    public static final TargetKind STRIPE = of("stripe");
    /** A Razorpay account, declared with a {@code razorpay:} block. */
    public static final TargetKind RAZORPAY = of("razorpay");
    /** An application's environment: the variables of a dotenv file, checked offline. */
    public static final TargetKind ENV = of("env");
    /**
     * An object storage bucket (S3 or S3-compatible), declared with {@code kind: storage} or derived
     * from an environment file's bucket variables.
     *
     * @since 0.3
     */
    public static final TargetKind STORAGE = of("storage");
    /**
     * A machine on the network, by host name or address, declared with {@code kind: host}.
     *
     * @since 0.3
     */
    public static final TargetKind HOST = of("host");

    private final String label;

    private TargetKind(String label) {
        this.label = label;
    }

    /**
     * The kind with a label, one of the constants or any other.
     *
     * <pre>{@code
     * TargetKind.of("web") == TargetKind.WEB;   // true
     * TargetKind.of("mongodb");                 // a kind of a module's own
     * }</pre>
     *
     * @param label lower case, a letter then letters, digits and {@code -}, e.g. {@code mongodb}
     * @return the kind, the same instance for the same label
     * @throws IllegalArgumentException if the label is malformed
     * @throws NullPointerException if the label is null
     */
    public static TargetKind of(String label) {
        Objects.requireNonNull(label, "'label' must not be null");
        TargetKind known = KINDS.get(label);
        if (known != null) {
            return known;
        }
        if (!LABEL.matcher(label).matches()) {
            throw new IllegalArgumentException("'" + label + "' is not a target kind: write it in lower case, a letter"
                    + " followed by letters, digits or '-', e.g. mongodb");
        }
        return KINDS.computeIfAbsent(label, TargetKind::new);
    }

    /**
     * The kind a URL scheme implies.
     *
     * <pre>{@code
     * TargetKind.forScheme("rediss");   // Optional[redis]
     * }</pre>
     *
     * @param scheme a URL scheme, any case, may be null
     * @return WEB for https/http, POSTGRES for postgres(ql), REDIS for redis(s), SMTP for smtp(s);
     *     empty for any other scheme
     */
    public static Optional<TargetKind> forScheme(String scheme) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (s) {
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
        return label;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TargetKind other && label.equals(other.label);
    }

    @Override
    public int hashCode() {
        return label.hashCode();
    }

    /** @return the {@linkplain #label() label} */
    @Override
    public String toString() {
        return label;
    }
}
