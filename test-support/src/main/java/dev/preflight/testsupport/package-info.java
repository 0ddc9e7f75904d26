/** Fixtures for Preflight's own tests: minted certificates and loopback servers. Not published. */
package dev.preflight.testsupport;
