/**
 * Public helpers for probe authors and embedders: redaction, duration parsing, id globs and
 * suggestions.
 */
package dev.preflight.support;
