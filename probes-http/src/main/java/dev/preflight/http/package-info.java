/**
 * Probes of web targets: the TLS certificate and protocols, the HTTPS redirect, HSTS, security
 * headers, cookies, CORS, exposed docs and debug surfaces, debug error pages, version banners,
 * compression, the health endpoint, the frontend bundle and (opt-in) rate limiting.
 *
 * <p>A site's probes share its work: the host is resolved once, each address gets one TLS handshake
 * and one fetch of the landing page, which every probe then reads. Every address of the host is
 * checked, and a result that differs between addresses names the one that failed.
 */
package dev.preflight.http;
