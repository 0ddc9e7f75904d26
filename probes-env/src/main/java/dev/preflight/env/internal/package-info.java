/**
 * Parsing helpers shared by the environment probes: flags, URLs, lists, lifetimes, key shapes,
 * placeholders, entropy, and the collection of per-variable findings into one result. Not API: may
 * change in any release.
 */
package dev.preflight.env.internal;
