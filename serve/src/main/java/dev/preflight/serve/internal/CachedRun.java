package dev.preflight.serve.internal;

import dev.preflight.Report;
import java.time.Instant;

/**
 * One run of a target's probes, as the cache keeps it.
 *
 * @param report the run's report, already redacted
 * @param finishedAt when the run ended, on the exporter's clock
 */
public record CachedRun(Report report, Instant finishedAt) {
}
