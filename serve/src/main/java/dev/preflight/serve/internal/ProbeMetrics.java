package dev.preflight.serve.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Gauge;
import dev.preflight.probe.Status;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code /probe} scrape answers: for each outcome of the target's run, the one-hot
 * {@code preflight_probe_status}, {@code preflight_probe_success}, {@code preflight_probe_duration_seconds},
 * {@code preflight_probe_result_age_seconds} (0 for a fresh run, more when served from the cache),
 * and every gauge the probes declared as {@code preflight_<name>}, all labelled with {@code target}
 * and {@code probe}.
 */
public final class ProbeMetrics {
    private static final String PREFIX = "preflight_";

    private ProbeMetrics() {
    }

    /**
     * @param served the target's outcomes, fresh or cached
     * @param now when the scrape is answered
     * @return the snapshots to write
     */
    public static MetricSnapshots of(OutcomeCache.Served served, Instant now) {
        GaugeSnapshot.Builder status = GaugeSnapshot.builder().name(PREFIX + "probe_status")
                .help("The probe's verdict: 1 for the status it has, 0 for the others");
        GaugeSnapshot.Builder success = GaugeSnapshot.builder().name(PREFIX + "probe_success")
                .help("1 when the verdict is not a problem (PASS, WARN, SKIP, or waived), else 0");
        GaugeSnapshot.Builder duration = GaugeSnapshot.builder().name(PREFIX + "probe_duration_seconds")
                .help("How long the check took");
        GaugeSnapshot.Builder age = GaugeSnapshot.builder().name(PREFIX + "probe_result_age_seconds")
                .help("How long ago the result was measured; above 0 when served from the cache");
        Map<String, GaugeSnapshot.Builder> declared = new LinkedHashMap<>();
        for (Measured measured : served.outcomes()) {
            ProbeOutcome outcome = measured.outcome();
            double resultAge = Math.max(0, Duration.between(measured.at(), now).toMillis() / 1000.0);
            Labels labels = Labels.of("target", outcome.target(), "probe", outcome.probeId());
            for (Status s : Status.values()) {
                status.dataPoint(point(labels.add("status", s.name().toLowerCase(Locale.ROOT)),
                        outcome.status() == s ? 1 : 0));
            }
            success.dataPoint(point(labels, outcome.isProblem(false) ? 0 : 1));
            duration.dataPoint(point(labels, outcome.duration().toNanos() / 1e9));
            age.dataPoint(point(labels, resultAge));
            for (Gauge gauge : outcome.result().gauges()) {
                Labels all = labels;
                for (Map.Entry<String, String> label : gauge.labels().entrySet()) {
                    all = all.add(label.getKey(), label.getValue());
                }
                declared.computeIfAbsent(gauge.name(), name -> GaugeSnapshot.builder().name(PREFIX + name)
                        .help(gauge.help())).dataPoint(point(all, gauge.value()));
            }
        }
        List<io.prometheus.metrics.model.snapshots.MetricSnapshot> snapshots = new ArrayList<>();
        snapshots.add(status.build());
        snapshots.add(success.build());
        snapshots.add(duration.build());
        snapshots.add(age.build());
        declared.values().forEach(b -> snapshots.add(b.build()));
        return new MetricSnapshots(snapshots);
    }

    private static GaugeDataPointSnapshot point(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
