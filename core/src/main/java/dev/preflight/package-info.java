/**
 * What embedders call: {@link dev.preflight.Preflight} to configure and run probes, and the
 * immutable {@link dev.preflight.Report} a run returns.
 */
package dev.preflight;
