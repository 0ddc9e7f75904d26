package dev.preflight.probe;

import dev.preflight.support.Redactor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named thing to check: a web site, a domain, a database, an account, an environment file.
 *
 * <p>Immutable. Secrets (API keys, passwords) are held as {@link Secret}s; the URL may carry
 * credentials, so show {@link #location()} rather than {@link #uri()}. Probe settings are keyed by
 * probe id, e.g. {@code tls.certificate.warn-days}; a probe reads its own through
 * {@link ProbeContext#settings()}.
 *
 * <pre>{@code
 * Target shop = Target.web("https://shop.example.com");
 * Target stripe = Target.builder("payments", TargetKind.STRIPE)
 *         .secret("secret-key", Secret.of(System.getenv("STRIPE_SECRET_KEY")))
 *         .setting("stripe.webhooks.required-events", "checkout.session.completed")
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Target {
    private final String name;
    private final TargetKind kind;
    private final URI uri;
    private final String location;
    private final Map<String, String> attributes;
    private final Map<String, Secret> secrets;
    private final Map<String, String> variables;
    private final Map<String, String> sampleVariables;
    private final Map<String, String> settings;
    private final List<String> include;
    private final List<String> exclude;
    private final Duration timeout;

    private Target(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.uri = b.uri;
        this.location = b.location != null ? b.location
                : b.uri != null ? Redactor.redactUrl(b.uri.toString()) : b.name;
        this.attributes = copy(b.attributes);
        this.secrets = copy(b.secrets);
        this.variables = copy(b.variables);
        this.sampleVariables = copy(b.sampleVariables);
        this.settings = copy(b.settings);
        this.include = List.copyOf(b.include);
        this.exclude = List.copyOf(b.exclude);
        this.timeout = b.timeout;
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * Starts a target.
     *
     * @param name the name shown in reports and used by waivers, unique within a run
     * @param kind what the target is
     * @return a new builder
     */
    public static Builder builder(String name, TargetKind kind) {
        return new Builder(name, kind);
    }

    /**
     * A web target for a URL, the shortcut for "check this site".
     *
     * @param url an {@code https://} or {@code http://} URL
     * @return the target, named after the URL without credentials or query
     */
    public static Target web(String url) {
        Target target = forUrl(url);
        if (!target.kind().equals(TargetKind.WEB)) {
            throw new IllegalArgumentException("not an https:// or http:// URL: " + target.location());
        }
        return target;
    }

    /**
     * A target for a URL whose kind follows from its scheme: {@code https}/{@code http} web,
     * {@code postgres(ql)}, {@code redis}/{@code rediss}, {@code smtp}/{@code smtps}.
     *
     * @param url the URL; it may carry credentials and a token in its query, which the target's name
     *     and location omit ({@code https://app:***@shop.example.com/?…})
     * @return the target, named after the URL without password or query
     * @throws IllegalArgumentException for a malformed URL or another scheme
     */
    public static Target forUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            // Not e.getMessage(): it quotes the whole URL, password included.
            throw new IllegalArgumentException("malformed URL: " + Redactor.redactUrl(url));
        }
        TargetKind kind = TargetKind.forScheme(uri.getScheme()).orElseThrow(() -> new IllegalArgumentException(
                "unsupported URL scheme '" + uri.getScheme() + "': use https, http, postgresql, redis, rediss, smtp or smtps"));
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("URL has no host: " + Redactor.redactUrl(url));
        }
        return builder(Redactor.redactUrl(url.strip()), kind).uri(uri).build();
    }

    /** @return the name shown in reports */
    public String name() {
        return name;
    }

    /** @return what the target is */
    public TargetKind kind() {
        return kind;
    }

    /** @return the URL, which may carry credentials: never print it; see {@link #location()} */
    public Optional<URI> uri() {
        return Optional.ofNullable(uri);
    }

    /**
     * @return where the target is, safe to print: a URL without password and with its query shown as
     *     {@code ?…}, a domain, a file name
     */
    public String location() {
        return location;
    }

    /**
     * A plain (non-secret) attribute, e.g. {@code domain} or {@code webhook-url}.
     *
     * @param key the attribute name
     * @return its value, if set
     */
    public Optional<String> attribute(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    /** @return all plain attributes, unmodifiable */
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * A secret attribute, e.g. {@code secret-key} or {@code password}.
     *
     * @param key the attribute name
     * @return its value, if set
     */
    public Optional<Secret> secret(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    /** @return all secret attributes, unmodifiable */
    public Map<String, Secret> secrets() {
        return secrets;
    }

    /**
     * The variables of an {@link TargetKind#ENV} target, in file order. Values may be secrets: never
     * put one into a result (the runner redacts known secrets, but do not rely on it).
     *
     * @return name to value, unmodifiable; empty for other kinds
     */
    public Map<String, String> variables() {
        return variables;
    }

    /**
     * The variables of the sample file shipped beside an environment file ({@code .env.example} and
     * the like), used to spot values copied from it.
     *
     * @return name to value, unmodifiable; empty when there is no sample
     */
    public Map<String, String> sampleVariables() {
        return sampleVariables;
    }

    /** @return probe settings keyed {@code <probe-id>.<key>}, unmodifiable */
    public Map<String, String> settings() {
        return settings;
    }

    /** @return probe id globs this target is limited to; empty means all that apply */
    public List<String> include() {
        return include;
    }

    /** @return probe id globs never run on this target */
    public List<String> exclude() {
        return exclude;
    }

    /** @return the per-probe timeout for this target, if it overrides the run's */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    @Override
    public String toString() {
        return name + " (" + kind.label() + " " + location + ")";
    }

    /**
     * Builds a {@link Target}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String name;
        private final TargetKind kind;
        private URI uri;
        private String location;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final Map<String, Secret> secrets = new LinkedHashMap<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final Map<String, String> sampleVariables = new LinkedHashMap<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<String> include = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();
        private Duration timeout;

        private Builder(String name, TargetKind kind) {
            this.name = Objects.requireNonNull(name, "'name' must not be null");
            this.kind = Objects.requireNonNull(kind, "'kind' must not be null");
        }

        /** @param uri the target's URL; may carry credentials @return this builder */
        public Builder uri(URI uri) {
            this.uri = uri;
            return this;
        }

        /** @param location a printable location; defaults to the URL without password @return this builder */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** @param key name @param value plain value @return this builder */
        public Builder attribute(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        /** @param key name @param value secret value @return this builder */
        public Builder secret(String key, Secret value) {
            secrets.put(key, value);
            return this;
        }

        /** @param variables environment variables, in file order @return this builder */
        public Builder variables(Map<String, String> variables) {
            this.variables.putAll(variables);
            return this;
        }

        /** @param variables the sample file's variables @return this builder */
        public Builder sampleVariables(Map<String, String> variables) {
            this.sampleVariables.putAll(variables);
            return this;
        }

        /** @param key {@code <probe-id>.<key>} @param value the setting @return this builder */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** @param globs probe id globs to limit this target to @return this builder */
        public Builder include(List<String> globs) {
            include.addAll(globs);
            return this;
        }

        /** @param globs probe id globs never to run on this target @return this builder */
        public Builder exclude(List<String> globs) {
            exclude.addAll(globs);
            return this;
        }

        /** @param timeout per-probe timeout for this target @return this builder */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** @return the immutable target */
        public Target build() {
            return new Target(this);
        }
    }
}
