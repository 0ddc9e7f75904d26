package dev.preflight.probe;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A number a probe measured that is worth graphing and alerting on: a certificate's expiry, a
 * backup's age, an SPF record's lookup count. A probe declares it on its {@link Result}; the
 * Prometheus exporter ({@code preflight serve}) exposes it as the gauge {@code preflight_<name>},
 * labelled with the target and the probe and any labels of its own. Reports do not show gauges:
 * the same facts are in the result's details.
 *
 * <pre>{@code
 * Result.builder(Status.PASS).summary("certificate valid for 81 more days")
 *         .gauge(Gauge.of("tls_certificate_expiry_timestamp_seconds", notAfter.getEpochSecond(),
 *                 "When the leaf certificate expires, in seconds since the epoch"))
 *         .build();
 * }</pre>
 *
 * <p>Names follow Prometheus' conventions: lower snake case, the unit as a suffix
 * ({@code _seconds}, {@code _bytes}, {@code _timestamp_seconds}), no counter suffix such as
 * {@code _total}. Immutable.
 *
 * @param name e.g. {@code backup_age_seconds}, without the {@code preflight_} prefix
 * @param labels extra labels, e.g. {@code host -> mx1.example.com}; never {@code target},
 *     {@code probe} or {@code status}, which the exporter sets
 * @param value a finite number
 * @param help one sentence saying what the number is, for the exposition's HELP line
 * @since 0.3
 */
public record Gauge(String name, Map<String, String> labels, double value, String help) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    /** Suffixes OpenMetrics reserves for counters, summaries, histograms and info metrics. */
    private static final Set<String> RESERVED_SUFFIXES =
            Set.of("_total", "_count", "_sum", "_bucket", "_created", "_info", "_gcount", "_gsum");
    /** Labels the exporter sets on every series. */
    private static final Set<String> RESERVED_LABELS = Set.of("target", "probe", "status", "le", "quantile");

    /**
     * Checks the name, labels and value.
     *
     * @throws IllegalArgumentException if the name or a label name is malformed or reserved, or the
     *     value is not finite
     */
    public Gauge {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(help, "'help' must not be null");
        if (!NAME.matcher(name).matches() || name.startsWith("preflight_")
                || RESERVED_SUFFIXES.stream().anyMatch(name::endsWith)) {
            throw new IllegalArgumentException("'" + name + "' is not a gauge name: write lower snake case with"
                    + " the unit as a suffix and without the preflight_ prefix, e.g. backup_age_seconds");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("gauge " + name + " must be a finite number, not " + value);
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (!NAME.matcher(k).matches() || RESERVED_LABELS.contains(k)) {
                throw new IllegalArgumentException("'" + k + "' is not a label of gauge " + name + ": write lower"
                        + " snake case, and not one of " + RESERVED_LABELS);
            }
            sorted.put(k, Objects.requireNonNull(v, "the value of label '" + k + "' must not be null"));
        });
        labels = java.util.Collections.unmodifiableMap(sorted);
    }

    /**
     * A gauge without labels of its own.
     *
     * @param name e.g. {@code backup_age_seconds}
     * @param value a finite number
     * @param help one sentence saying what the number is
     * @return the gauge
     */
    public static Gauge of(String name, double value, String help) {
        return new Gauge(name, Map.of(), value, help);
    }

    /**
     * @param label a label name, e.g. {@code host}
     * @param labelValue its value, e.g. {@code mx1.example.com}
     * @return a copy with that label added or replaced
     */
    public Gauge withLabel(String label, String labelValue) {
        TreeMap<String, String> more = new TreeMap<>(labels);
        more.put(label, labelValue);
        return new Gauge(name, more, value, help);
    }
}
