package dev.preflight.net.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.hosts.HostsFileParser;

/**
 * The names the system answers without DNS, as its own resolver does ({@code files} before
 * {@code dns}): {@code localhost} and every name under it (RFC 6761 6.3), and the hosts file. A name
 * found here is not asked of a DNS server in either address family, so {@code localhost} never costs
 * a query, nor a wait for an AAAA answer the hosts file does not hold.
 */
final class SystemHosts {
    /** Reads {@code /etc/hosts} (or the platform's), re-read when it changes. */
    private static final HostsFileParser HOSTS = new HostsFileParser();

    private SystemHosts() {
    }

    /**
     * @param host a host name, lower case
     * @return its addresses, IPv4 first, if the system knows it without DNS
     */
    static Optional<List<InetAddress>> lookup(String host) {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return Optional.of(List.of(InetAddress.getLoopbackAddress(), loopback6()));
        }
        try {
            Name absolute = Name.fromString(name.toLowerCase(Locale.ROOT), Name.root);
            List<InetAddress> found = new ArrayList<>();
            HOSTS.getAddressForHost(absolute, Type.A).ifPresent(found::add);
            HOSTS.getAddressForHost(absolute, Type.AAAA).ifPresent(found::add);
            return found.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(found));
        } catch (TextParseException e) {
            return Optional.empty();
        } catch (IOException e) {
            // An unreadable hosts file: DNS decides, as it would for the system.
            return Optional.empty();
        }
    }

    private static InetAddress loopback6() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
