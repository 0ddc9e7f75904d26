package dev.preflight.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The immutable verdict of one probe on one target: a {@link Status}, a one-line summary, ordered
 * structured details and, for WARN and FAIL, a remediation that says what to fix.
 *
 * <p>Build one with the factories ({@link #pass}, {@link #warn}, {@link #fail}, {@link #error},
 * {@link #skip}) or with {@link #builder(Status)} when there are details:
 *
 * <pre>{@code
 * return Result.builder(Status.WARN)
 *         .summary("certificate expires in 12 days")
 *         .remediation("Renew the certificate before 2026-12-05.")
 *         .detail("daysLeft", 12)
 *         .build();
 * }</pre>
 *
 * <p>Detail values are strings, numbers, booleans or lists of those; anything else is stored as its
 * {@code toString()}. A result records no timing: the runner measures durations. The optional cause
 * of an ERROR is kept for embedders and never rendered in reports.
 *
 * @since 0.1
 */
public final class Result {
    private static final int MAX_SUMMARY = 300;
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private final Status status;
    private final String summary;
    private final String remediation;
    private final String subject;
    private final Map<String, Object> details;
    private final List<Gauge> gauges;
    private final Throwable cause;

    private Result(Builder b) {
        this.status = b.status;
        this.summary = b.summary == null || b.summary.isBlank() ? status.label() : oneLine(b.summary);
        this.remediation = b.remediation;
        this.subject = b.subject;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(b.details));
        this.gauges = List.copyOf(b.gauges.values());
        this.cause = b.cause;
    }

    /** Reports show a summary on one line; long texts belong in details. */
    private static String oneLine(String text) {
        String stripped = text.strip();
        // Most summaries have no line break, and then the pattern cannot match.
        String line = hasLineBreak(stripped) ? LINE_BREAK.matcher(stripped).replaceAll(" ") : stripped;
        return line.length() <= MAX_SUMMARY ? line : line.substring(0, MAX_SUMMARY - 1) + "…";
    }

    /** @return whether {@code text} holds a character that {@code \R} matches */
    private static boolean hasLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\n' && c <= '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return true;
            }
        }
        return false;
    }

    /**
     * A passing result.
     *
     * @param summary one line saying what was found
     * @return the result
     */
    public static Result pass(String summary) {
        return builder(Status.PASS).summary(summary).build();
    }

    /**
     * A warning: the target works but falls short of good practice.
     *
     * @param summary one line saying what was found
     * @param remediation what to change
     * @return the result
     */
    public static Result warn(String summary, String remediation) {
        return builder(Status.WARN).summary(summary).remediation(remediation).build();
    }

    /**
     * A failure: the probe looked and the target is non-compliant.
     *
     * @param summary one line saying what is wrong
     * @param remediation what to fix
     * @return the result
     */
    public static Result fail(String summary, String remediation) {
        return builder(Status.FAIL).summary(summary).remediation(remediation).build();
    }

    /**
     * An error: the probe could not tell.
     *
     * @param summary one line saying why, e.g. "connection refused by db.internal:5432"
     * @param cause the underlying exception, or null; kept, never rendered
     * @return the result
     */
    public static Result error(String summary, Throwable cause) {
        return builder(Status.ERROR).summary(summary).cause(cause).build();
    }

    /**
     * A skipped check: not applicable, or not configured.
     *
     * @param reason why the probe did not look
     * @return the result
     */
    public static Result skip(String reason) {
        return builder(Status.SKIP).summary(reason).build();
    }

    /**
     * Starts a result with details.
     *
     * @param status the verdict
     * @return a new builder
     */
    public static Builder builder(Status status) {
        return new Builder(status);
    }

    /**
     * A builder holding this result, to derive another from it, e.g. to add a detail or change the
     * subject in a probe that wraps another check.
     *
     * @return a new builder with this result's status, texts, details, gauges and cause
     */
    public Builder toBuilder() {
        Builder b = new Builder(status).summary(summary).remediation(remediation).subject(subject).cause(cause);
        details.forEach(b::detail);
        gauges.forEach(b::gauge);
        return b;
    }

    /** @return the verdict */
    public Status status() {
        return status;
    }

    /** @return one line saying what was found */
    public String summary() {
        return summary;
    }

    /** @return what to fix; present for most WARN and FAIL results */
    public Optional<String> remediation() {
        return Optional.ofNullable(remediation);
    }

    /**
     * The precise thing checked when narrower than the target, e.g. one address of a host name or one
     * variable of an environment.
     *
     * @return the subject, if the probe named one
     */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** @return the details in the order the probe added them; unmodifiable */
    public Map<String, Object> details() {
        return details;
    }

    /**
     * @return the numbers the probe declares worth graphing and alerting on, in the order declared;
     *     empty for most results
     * @since 0.3
     */
    public List<Gauge> gauges() {
        return gauges;
    }

    /** @return the exception behind an ERROR, if any; never rendered in reports */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    /**
     * A copy whose texts (summary, remediation, subject, detail keys and values, gauge label values)
     * pass through {@code rewrite};
     * the runner uses it to redact secrets.
     *
     * @param rewrite a text transformation
     * @return the rewritten copy
     */
    public Result mapText(UnaryOperator<String> rewrite) {
        Builder b = builder(status).summary(rewrite.apply(summary)).cause(cause);
        if (remediation != null) {
            b.remediation(rewrite.apply(remediation));
        }
        if (subject != null) {
            b.subject(rewrite.apply(subject));
        }
        // Keys too: a probe may build one from what it found (a header name, a variable's value).
        details.forEach((k, v) -> b.details.put(rewrite.apply(k), mapValue(v, rewrite)));
        for (Gauge g : gauges) {
            Map<String, String> labels = new LinkedHashMap<>();
            g.labels().forEach((k, v) -> labels.put(k, rewrite.apply(v)));
            b.gauge(new Gauge(g.name(), labels, g.value(), g.help()));
        }
        return b.build();
    }

    private static Object mapValue(Object value, UnaryOperator<String> rewrite) {
        if (value instanceof String) {
            return rewrite.apply((String) value);
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) value) {
                out.add(mapValue(o, rewrite));
            }
            return Collections.unmodifiableList(out);
        }
        return value;
    }

    @Override
    public String toString() {
        return status + ": " + summary;
    }

    /**
     * Builds a {@link Result}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Status status;
        private String summary;
        private String remediation;
        private String subject;
        private final Map<String, Object> details = new LinkedHashMap<>();
        private final Map<List<Object>, Gauge> gauges = new LinkedHashMap<>();
        private Throwable cause;

        private Builder(Status status) {
            this.status = Objects.requireNonNull(status, "'status' must not be null");
        }

        /**
         * @param summary one line saying what was found
         * @return this builder
         */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /**
         * @param remediation what to fix
         * @return this builder
         */
        public Builder remediation(String remediation) {
            this.remediation = remediation;
            return this;
        }

        /**
         * @param subject the precise thing checked, e.g. {@code "203.0.113.7:443"}
         * @return this builder
         */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * Adds a detail; a later value for the same key replaces the earlier one in place.
         *
         * @param key a short camelCase name
         * @param value a string, number, boolean or list of those; null values are skipped
         * @return this builder
         */
        public Builder detail(String key, Object value) {
            Objects.requireNonNull(key, "'key' must not be null");
            if (value != null) {
                details.put(key, normalise(value));
            }
            return this;
        }

        /**
         * Declares a number worth graphing and alerting on; a later gauge with the same name and labels
         * replaces the earlier one in place.
         *
         * @param gauge the gauge
         * @return this builder
         * @since 0.3
         */
        public Builder gauge(Gauge gauge) {
            Objects.requireNonNull(gauge, "'gauge' must not be null");
            gauges.put(List.of(gauge.name(), gauge.labels()), gauge);
            return this;
        }

        /**
         * @param cause the exception behind an ERROR; kept, never rendered
         * @return this builder
         */
        public Builder cause(Throwable cause) {
            this.cause = cause;
            return this;
        }

        /** @return the immutable result */
        public Result build() {
            return new Result(this);
        }

        private static Object normalise(Object value) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value;
            }
            if (value instanceof Iterable) {
                List<Object> out = new ArrayList<>();
                for (Object o : (Iterable<?>) value) {
                    out.add(o == null ? "null" : normalise(o));
                }
                return Collections.unmodifiableList(out);
            }
            return String.valueOf(value);
        }
    }
}
