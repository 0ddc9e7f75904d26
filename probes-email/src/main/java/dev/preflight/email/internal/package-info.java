/**
 * Helpers of the SMTP probes: the target's endpoint and credentials, the raw SMTP dialogue (greeting,
 * EHLO, STARTTLS, AUTH) over the network layer's sockets, and parsers of what a server answers. Not
 * an API: anything here may change.
 */
package dev.preflight.email.internal;
