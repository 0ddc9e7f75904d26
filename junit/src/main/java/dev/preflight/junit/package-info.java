/**
 * Runs Preflight from JUnit Jupiter test suites, one dynamic test per check:
 * {@link dev.preflight.junit.PreflightCheck} for a configuration file, {@link dev.preflight.junit.PreflightTests}
 * for a run configured in code.
 */
package dev.preflight.junit;
