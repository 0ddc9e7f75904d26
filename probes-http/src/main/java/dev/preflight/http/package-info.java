/** Probes of web targets: the TLS certificate now; HTTPS redirect, HSTS and security headers to come. */
package dev.preflight.http;
