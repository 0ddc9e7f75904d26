/**
 * The test kit's implementation: the contract's checks, the silent server and message formatting.
 * Not API: anything here may change in any release.
 */
package dev.preflight.testkit.internal;
