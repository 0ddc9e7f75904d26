/**
 * Helpers of the SMTP probes: the target's endpoint and credentials, the raw SMTP dialogue (greeting,
 * EHLO, STARTTLS, AUTH) over the network layer's sockets, Jakarta Mail sessions bound to a check
 * (submission and the mailbox watched over IMAP), and parsers of what servers answer (queue ids,
 * {@code Authentication-Results}). Not an API: anything here may change.
 */
package dev.preflight.email.internal;
