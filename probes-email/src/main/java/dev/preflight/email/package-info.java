/**
 * Probes of mail servers: an {@code smtp://} or {@code smtps://} submission server (STARTTLS and its
 * certificate, AUTH only after TLS, implicit TLS, the From domain's alignment, and an opt-in test
 * message) and a mail domain's MX hosts (STARTTLS on port 25).
 */
package dev.preflight.email;
