/**
 * Public helpers for probe authors and embedders: redaction, duration parsing, id globs and
 * suggestions, quoted values, and a target's deployment stage.
 */
package dev.preflight.support;
