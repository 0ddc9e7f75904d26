package dev.preflight.net.internal;

import dev.preflight.probe.NetworkSettings;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;
import org.xbill.DNS.ResolverConfig;

/**
 * Which DNS servers a run asks: the one given with {@code --dns-server}, or the system's, read by
 * dnsjava from {@code /etc/resolv.conf} (with its search path and ndots) and never through the JDK's
 * blocking lookup, which no deadline can interrupt.
 *
 * @param servers where questions go, in order
 * @param system whether these are the system's servers, which also honour the hosts file
 * @param searchPath the domains a short name is tried in
 * @param ndots names with fewer dots are tried in the search path first
 */
public record DnsServers(List<InetSocketAddress> servers, boolean system, List<Name> searchPath, int ndots) {

    /** Copies the lists. */
    public DnsServers {
        servers = List.copyOf(servers);
        searchPath = List.copyOf(searchPath);
    }

    /**
     * @param network the run's network settings
     * @return the configured server, or the system's
     */
    public static DnsServers of(NetworkSettings network) {
        return network.dnsServer().map(s -> new DnsServers(List.of(s), false, List.of(), 1)).orElseGet(() -> {
            ResolverConfig config = ResolverConfig.getCurrentConfig();
            return new DnsServers(config.servers(), true, config.searchPath(), config.ndots());
        });
    }

    /** @return e.g. {@code 127.0.0.1:5353}, or the system's servers listed */
    public String describe() {
        String list = servers.stream().map(s -> s.getAddress().getHostAddress() + ":" + s.getPort())
                .collect(Collectors.joining(", "));
        return system ? "the system's DNS servers (" + list + ")" : "the DNS server " + list;
    }
}
