/**
 * Public helpers for probe authors and embedders: redaction, duration parsing, id globs and
 * suggestions, a target's deployment stage, and the payment-key catalogue that environment and
 * payment probes share.
 */
package dev.preflight.support;
