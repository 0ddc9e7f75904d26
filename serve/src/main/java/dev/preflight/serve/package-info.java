/**
 * Preflight as a Prometheus exporter: {@link dev.preflight.serve.PreflightExporter} answers
 * {@code /probe?target=NAME} with the target's verdicts and the numbers its probes declare, for
 * Prometheus to schedule, shard and alert on.
 */
package dev.preflight.serve;
