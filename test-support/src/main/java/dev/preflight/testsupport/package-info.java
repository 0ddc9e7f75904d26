/**
 * Fixtures for Preflight's own tests: minted certificates, loopback HTTPS servers, and private DNS
 * (knotd), nginx, PostgreSQL and Redis servers. Not published.
 */
package dev.preflight.testsupport;
