/**
 * Public helpers for probe authors and embedders: redaction, duration parsing, id globs and
 * suggestions, quoted values, a target's deployment stage, and the recognition of template values,
 * placeholder secrets and template host names, and unpredictable random tokens.
 */
package dev.preflight.support;
