/**
 * Implementation: the runner, probe loading, the context handed to probes. Not API: may change in
 * any release. Sibling Preflight modules may use it; nothing else should.
 */
package dev.preflight.internal;
