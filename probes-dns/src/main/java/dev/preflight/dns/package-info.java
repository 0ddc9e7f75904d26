/**
 * Probes of a domain's DNS, asked through {@link dev.preflight.net.Resolver}: deadline-bound,
 * honouring {@code --dns-server}, one cache per run. {@code dns.mx} checks that mail has somewhere
 * to go, {@code dns.caa} which CAs may issue. Each probe checks targets of kind {@code domain}.
 */
package dev.preflight.dns;
