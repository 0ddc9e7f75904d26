/**
 * How the web probes work: resolving and pinning addresses, fetching pages once per target with
 * okhttp, hand-built ClientHellos for protocol scans, and the parsers and judges for certificates,
 * HSTS, CSP, cookies, origins and bundles. Not API.
 */
package dev.preflight.http.internal;
