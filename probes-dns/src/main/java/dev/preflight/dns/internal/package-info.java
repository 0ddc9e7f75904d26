/** The DNS probes' workings; not API. */
package dev.preflight.dns.internal;
