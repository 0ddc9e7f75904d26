/**
 * Probes of a domain's DNS, asked through {@link dev.preflight.net.Resolver}: deadline-bound,
 * honouring {@code --dns-server}, one cache per run. {@code dns.spf}, {@code dns.dmarc} and
 * {@code dns.dkim} judge mail authentication, {@code dns.mta-sts} and {@code dns.tls-rpt} that mail
 * to the domain travels over verified TLS and failures are reported, {@code dns.mx} that mail has
 * somewhere to go, {@code dns.caa} which CAs may issue (the site's current one among them),
 * {@code dns.records} that the names a launch needs resolve as expected and the last change has
 * reached every name server, and {@code dns.dnssec} that the zone validates with DNSSEC (asked
 * through {@link dev.preflight.net.DnsMessages}, whole messages with their signatures).
 * Each probe checks targets of kind {@code domain}. {@link dev.preflight.dns.SpfEvaluator} is the
 * RFC 7208 {@code check_host()} other modules ask whether a domain's SPF authorises an address.
 */
package dev.preflight.dns;
