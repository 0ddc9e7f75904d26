/** RDAP (RFC 7480-7484, 9082-9083, 9224) as {@code dns.registration} uses it: bootstrap, fetch, parse; not API. */
package dev.preflight.dns.internal.rdap;
