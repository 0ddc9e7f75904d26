package dev.preflight.serve.internal;

import dev.preflight.probe.Status;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The exporter's own metrics, on {@code /metrics}: scrapes by endpoint and answer, runs made and
 * served from the cache, probe errors by probe (a check that is broken, not a target that is bad),
 * reloads, and the JVM's. Thread-safe.
 */
public final class ExporterMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Counter runs;
    private final Counter cacheHits;
    private final Counter probeErrors;
    private final Counter reloads;
    private final Gauge lastReloadSuccess;

    /** Registers the metrics, the JVM's included, in a registry of the exporter's own. */
    public ExporterMetrics() {
        requests = Counter.builder().name("preflight_exporter_requests_total")
                .help("HTTP requests answered, by endpoint and status code").labelNames("endpoint", "code")
                .register(registry);
        runs = Counter.builder().name("preflight_exporter_runs_total")
                .help("Runs of a target's probes made for a scrape").labelNames("target").register(registry);
        cacheHits = Counter.builder().name("preflight_exporter_cache_hits_total")
                .help("Scrapes answered from a run younger than the minimum interval").labelNames("target")
                .register(registry);
        probeErrors = Counter.builder().name("preflight_exporter_probe_errors_total")
                .help("Probe outcomes with status ERROR: the check could not decide").labelNames("probe")
                .register(registry);
        reloads = Counter.builder().name("preflight_exporter_config_reloads_total")
                .help("Configuration reloads, by result").labelNames("result").register(registry);
        lastReloadSuccess = Gauge.builder().name("preflight_exporter_config_last_reload_success_timestamp_seconds")
                .help("When the configuration was last loaded successfully").register(registry);
        JvmMetrics.builder().register(registry);
    }

    /** @return the registry {@code /metrics} serves */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** @param endpoint e.g. {@code /probe} @param code the HTTP status answered */
    public void request(String endpoint, int code) {
        requests.labelValues(endpoint, String.valueOf(code)).inc();
    }

    /**
     * @param target the target scraped
     * @param served what the scrape was answered with
     * @param measuredSince outcomes measured at or after this instant were measured for this scrape
     */
    public void served(String target, OutcomeCache.Served served, java.time.Instant measuredSince) {
        if (!served.ran()) {
            cacheHits.labelValues(target).inc();
            return;
        }
        runs.labelValues(target).inc();
        for (Measured measured : served.outcomes()) {
            if (measured.outcome().status() == Status.ERROR && !measured.at().isBefore(measuredSince)) {
                probeErrors.labelValues(measured.outcome().probeId()).inc();
            }
        }
    }

    /** @param ok whether the new configuration was taken @param epochSeconds when */
    public void reloaded(boolean ok, double epochSeconds) {
        reloads.labelValues(ok ? "success" : "failure").inc();
        if (ok) {
            lastReloadSuccess.set(epochSeconds);
        }
    }
}
