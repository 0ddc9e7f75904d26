/** Probes of SMTP servers. Filled by a later issue. */
package dev.preflight.email;
