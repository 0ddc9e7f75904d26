/**
 * Implementation of configuration loading: YAML nodes with their locations, interpolation, the
 * readers for each section, dotenv parsing and the environment-variable mapping. Not API: it may
 * change in any release.
 */
package dev.preflight.config.internal;
