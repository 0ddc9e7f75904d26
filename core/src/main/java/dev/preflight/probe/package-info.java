/**
 * The probe SPI: what a probe author implements ({@link dev.preflight.probe.Probe}) and what a probe
 * receives ({@link dev.preflight.probe.ProbeContext}) and returns ({@link dev.preflight.probe.Result}).
 *
 * <p>Depends on nothing beyond the JDK.
 */
package dev.preflight.probe;
