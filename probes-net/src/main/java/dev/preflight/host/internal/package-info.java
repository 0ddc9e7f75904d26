/** The port catalogue, the connect-only scan and its verdict; not part of the public API. */
package dev.preflight.host.internal;
