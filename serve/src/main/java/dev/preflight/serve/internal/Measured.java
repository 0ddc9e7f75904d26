package dev.preflight.serve.internal;

import dev.preflight.ProbeOutcome;
import java.time.Instant;

/**
 * One probe's outcome on one target, as the cache keeps it.
 *
 * @param outcome the outcome, already redacted
 * @param at when its run ended, on the exporter's clock
 */
public record Measured(ProbeOutcome outcome, Instant at) {
}
