package dev.preflight.spring.boot.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers probes measured ({@link dev.preflight.probe.Gauge}: certificate expiry, backup age, …)
 * as Micrometer gauges, tagged {@code target} and {@code probe} and with the gauge's own labels. A
 * gauge {@code backup_age_seconds} becomes {@code preflight.backup.age.seconds}, which Prometheus
 * shows as {@code preflight_backup_age_seconds}, the name the exporter gives it. Values are those of
 * the latest run (health requests, the gate or the endpoint start runs; a scrape does not); series a
 * new run no longer reports are removed. Bound by Spring Boot to each registry; thread-safe.
 */
public final class ReportGauges implements MeterBinder {
    private final List<MeterRegistry> registries = new ArrayList<>();
    private final Map<MeterRegistry, Map<String, MultiGauge>> gauges = new HashMap<>();
    private final Map<String, String> help = new HashMap<>();
    private Report latest;

    /** @param runs the runs whose reports to show */
    public ReportGauges(CachedRuns runs) {
        runs.onRun(this::record);
        runs.latest().ifPresent(this::record);
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        registries.add(registry);
        gauges.put(registry, new HashMap<>());
        if (latest != null) {
            update(registry, rows(latest));
        }
    }

    private synchronized void record(Report report) {
        latest = report;
        Map<String, List<MultiGauge.Row<?>>> rows = rows(report);
        registries.forEach(r -> update(r, rows));
    }

    private Map<String, List<MultiGauge.Row<?>>> rows(Report report) {
        Map<String, List<MultiGauge.Row<?>>> rows = new LinkedHashMap<>();
        for (ProbeOutcome o : report.outcomes()) {
            for (dev.preflight.probe.Gauge g : o.result().gauges()) {
                Tags tags = Tags.of("target", o.target(), "probe", o.probeId());
                for (Map.Entry<String, String> label : g.labels().entrySet()) {
                    tags = tags.and(label.getKey(), label.getValue());
                }
                String name = "preflight." + g.name().replace('_', '.');
                help.putIfAbsent(name, g.help());
                rows.computeIfAbsent(name, n -> new ArrayList<>()).add(MultiGauge.Row.of(tags, g.value()));
            }
        }
        return rows;
    }

    private void update(MeterRegistry registry, Map<String, List<MultiGauge.Row<?>>> rows) {
        Map<String, MultiGauge> byName = gauges.get(registry);
        for (String name : rows.keySet()) {
            byName.computeIfAbsent(name, n -> MultiGauge.builder(n).description(help.get(n)).register(registry));
        }
        // overwrite: a series absent from this run is removed rather than left at an old value
        byName.forEach((name, gauge) -> gauge.register(rows.getOrDefault(name, List.of()), true));
    }
}
