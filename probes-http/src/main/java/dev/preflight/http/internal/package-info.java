/** How the HTTP and TLS probes work: fetching chains, judging certificates. Not API. */
package dev.preflight.http.internal;
