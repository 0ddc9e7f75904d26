/**
 * The exporter's parts: the configuration in force, the run cache and per-target limit, the
 * endpoints and the metrics they render. Not an API: anything here may change.
 */
package dev.preflight.serve.internal;
