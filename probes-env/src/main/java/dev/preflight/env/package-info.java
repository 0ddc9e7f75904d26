/**
 * Offline probes of an application's environment file ({@code .env.production} and the like): debug
 * flags, secrets, payment key modes, database and cache transport security, CORS and host lists,
 * public URLs, token lifetimes and error tracking. Every probe reads {@code TargetKind.ENV} targets
 * only and never opens a connection.
 *
 * <p>Probes judge the target against its deployment stage, the target attribute {@code environment}
 * (absent means {@code production}); each probe's Javadoc says which rules relax outside production.
 */
package dev.preflight.env;
