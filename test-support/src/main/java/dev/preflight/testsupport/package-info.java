/** Fixtures for Preflight's own tests: minted certificates and loopback HTTPS and DNS servers. Not published. */
package dev.preflight.testsupport;
