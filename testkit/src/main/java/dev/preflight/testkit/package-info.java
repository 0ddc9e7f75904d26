/**
 * Tools for testing probes: {@link dev.preflight.testkit.ProbeTestKit} runs one probe through the real
 * runner, {@link dev.preflight.testkit.PreflightAssertions} gives AssertJ assertions for results and
 * reports, and {@link dev.preflight.testkit.ProbeContractTest} is the contract every probe module's
 * tests extend.
 *
 * @since 0.1
 */
package dev.preflight.testkit;
