/**
 * Loads {@code preflight.yml} and dotenv files into targets, waivers, network settings and run
 * defaults: {@link dev.preflight.config.ConfigLoader} produces a
 * {@link dev.preflight.config.PreflightConfig}, which configures a {@link dev.preflight.Preflight.Builder}.
 */
package dev.preflight.config;
