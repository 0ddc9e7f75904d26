/** Probes of web targets: TLS, HTTPS redirect, HSTS, security headers. Filled by a later issue. */
package dev.preflight.http;
