/** Probes of domains: SPF, DKIM, DMARC. Filled by a later issue. */
package dev.preflight.dns;
