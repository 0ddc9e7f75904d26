package dev.preflight.email.internal.align;

import dev.preflight.dns.internal.OrganisationalDomains;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The addresses mail submitted to a server leaves from, as receivers see them: stated by the user,
 * sampled from a known relay provider's SPF record, or the submission host's own addresses, which are
 * the outbound addresses of a self-hosted server and only a guess for any other relay. Immutable.
 *
 * @param kind where the addresses come from
 * @param addresses the addresses to evaluate; empty for {@link Kind#PRIVATE} and when a provider's
 *     record gives none
 * @param relay the submission host, or the provider's name
 * @param provider the relay provider, for {@link Kind#PROVIDER}
 * @param ranges for a provider, the ranges the samples come from
 * @param failure the answer of a DNS server that failed on the way, if one did
 * @param notes why a provider's addresses could not be read
 */
public record OutboundAddresses(Kind kind, List<InetAddress> addresses, String relay, Optional<RelayProvider> provider,
        List<String> ranges, Optional<DnsAnswer> failure, List<String> notes) {

    /** Where the addresses come from, and so how sure a verdict on them is. */
    public enum Kind {
        /** The setting {@code outbound-addresses}. */
        STATED,
        /** A known provider's SPF record (or the setting {@code provider-include}). */
        PROVIDER,
        /** The submission host's own addresses, the host being under the From domain's organisation. */
        SELF_HOSTED,
        /** The submission host's own addresses, the host belonging to someone else: it may send from others. */
        UNKNOWN_RELAY,
        /** A host on this machine or a private network: it sends out through an address not known here. */
        PRIVATE
    }

    /** Copies the lists. */
    public OutboundAddresses {
        addresses = List.copyOf(addresses);
        ranges = List.copyOf(ranges);
        notes = List.copyOf(notes);
    }

    /**
     * @param dns the check's resolver
     * @param host the submission host
     * @param port its port, to match host overrides
     * @param fromDomain the From domain
     * @param stated the setting {@code outbound-addresses}, parsed; empty when not set
     * @param provider the relay provider: {@code provider-include} or the known one for the host
     * @return the outbound addresses
     * @throws IOException if the host cannot be resolved or DNS did not answer before the deadline
     */
    public static OutboundAddresses of(Resolver dns, String host, int port, String fromDomain, List<InetAddress> stated,
            Optional<RelayProvider> provider) throws IOException {
        if (!stated.isEmpty()) {
            return simple(Kind.STATED, stated, host);
        }
        if (provider.isPresent()) {
            ProviderRanges read = ProviderRanges.read(dns, provider.get().include());
            return new OutboundAddresses(Kind.PROVIDER, read.samples(), provider.get().name(), provider, read.ranges(),
                    read.failure(), read.notes());
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return simple(Kind.PRIVATE, List.of(), host);
        }
        List<InetAddress> own = dns.addresses(host, port);
        // A DNS name for loopback still reads as the host's own: only names and literals of this machine
        // (above) and private networks say nothing about the public address.
        if (own.stream().allMatch(OutboundAddresses::isPrivate)
                || own.stream().allMatch(a -> a.isLoopbackAddress() && IpAddresses.isLiteral(host))) {
            return simple(Kind.PRIVATE, List.of(), host);
        }
        List<InetAddress> routable = own.stream().filter(a -> !isPrivate(a)).toList();
        boolean ours = !IpAddresses.isLiteral(host)
                && OrganisationalDomains.of(name).equals(OrganisationalDomains.of(fromDomain));
        return simple(ours ? Kind.SELF_HOSTED : Kind.UNKNOWN_RELAY, routable, host);
    }

    private static OutboundAddresses simple(Kind kind, List<InetAddress> addresses, String relay) {
        return new OutboundAddresses(kind, addresses, relay, Optional.empty(), List.of(), Optional.empty(), List.of());
    }

    /** RFC 1918, link-local, and IPv6 unique local (fc00::/7): never the address a receiver sees. */
    static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
