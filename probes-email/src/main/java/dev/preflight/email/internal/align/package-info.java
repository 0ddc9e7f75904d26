/**
 * Helpers of {@code smtp.sender-alignment}: the From address, the relay providers Preflight knows,
 * the addresses a submission server sends from, and the three readings (SPF, DKIM, DMARC) the probe
 * combines. Not an API: anything here may change.
 */
package dev.preflight.email.internal.align;
