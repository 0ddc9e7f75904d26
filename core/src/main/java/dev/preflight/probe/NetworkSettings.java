package dev.preflight.probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The network facilities every probe shares, so that none invents its own: host overrides like
 * curl's {@code --resolve}, a DNS server to ask instead of the system resolver, and CA certificates
 * to trust in addition to the system trust store. Immutable.
 *
 * <pre>{@code
 * NetworkSettings network = NetworkSettings.builder()
 *         .hostOverride(HostOverride.parse("shop.example.com:443:127.0.0.1"))
 *         .dnsServer(new InetSocketAddress("127.0.0.1", 5353))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class NetworkSettings {
    private static final NetworkSettings SYSTEM = builder().build();

    private final List<HostOverride> hostOverrides;
    /** The overrides by host, in the order given: a sweep asks for each of thousands of sites. */
    private final Map<String, List<HostOverride>> overridesByHost = new HashMap<>();
    private final InetSocketAddress dnsServer;
    private final List<X509Certificate> extraTrustedCertificates;

    private NetworkSettings(Builder b) {
        this.hostOverrides = List.copyOf(b.hostOverrides);
        for (HostOverride o : hostOverrides) {
            overridesByHost.computeIfAbsent(o.host(), h -> new ArrayList<>()).add(o);
        }
        this.dnsServer = b.dnsServer;
        this.extraTrustedCertificates = List.copyOf(b.extraTrustedCertificates);
    }

    /** @return settings with no overrides: the system resolver and trust store */
    public static NetworkSettings system() {
        return SYSTEM;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings, to add to them */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hostOverrides.addAll(hostOverrides);
        b.dnsServer = dnsServer;
        b.extraTrustedCertificates.addAll(extraTrustedCertificates);
        return b;
    }

    /** @return the host overrides, in the order given */
    public List<HostOverride> hostOverrides() {
        return hostOverrides;
    }

    /**
     * The address to connect to instead of resolving {@code host}, if an override applies.
     *
     * @param host a host name
     * @param port a port
     * @return the first matching override's address
     */
    public Optional<InetAddress> overrideFor(String host, int port) {
        return candidates(host).stream().filter(o -> o.matches(host, port)).map(HostOverride::address).findFirst();
    }

    /**
     * Every address to connect to instead of resolving {@code host}: several when the host is served
     * by several nodes and each must be checked. Empty when no override applies.
     *
     * @param host a host name
     * @param port a port
     * @return the matching overrides' addresses, in the order given, without duplicates
     */
    public List<InetAddress> overridesFor(String host, int port) {
        return candidates(host).stream().filter(o -> o.matches(host, port)).map(HostOverride::address).distinct().toList();
    }

    /**
     * Every address given for {@code host}, whatever the port: for a client that resolves names
     * without ports (okhttp), so that an override of the host applies to the port it connects to.
     *
     * @param host a host name
     * @return the addresses of the host's overrides, in the order given, without duplicates
     * @since 0.4
     */
    public List<InetAddress> overridesFor(String host) {
        return candidates(host).stream().filter(o -> o.host().equalsIgnoreCase(host)).map(HostOverride::address)
                .distinct().toList();
    }

    /** The overrides that may match {@code host}; every one for a name that is not plain ASCII. */
    private List<HostOverride> candidates(String host) {
        // Override hosts are lower-case ASCII; HostOverride.matches ignores case, which for a few
        // non-ASCII letters (a dotless i) is wider than lower-casing, so those names take the long way.
        if (!host.chars().allMatch(c -> c < 0x80)) {
            return hostOverrides;
        }
        return overridesByHost.getOrDefault(host.toLowerCase(Locale.ROOT), List.of());
    }

    /** @return the DNS server probes should query instead of the system resolver, if set */
    public Optional<InetSocketAddress> dnsServer() {
        return Optional.ofNullable(dnsServer);
    }

    /** @return CA certificates to trust in addition to the system trust store */
    public List<X509Certificate> extraTrustedCertificates() {
        return extraTrustedCertificates;
    }

    /**
     * Builds {@link NetworkSettings}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final List<HostOverride> hostOverrides = new ArrayList<>();
        private InetSocketAddress dnsServer;
        private final List<X509Certificate> extraTrustedCertificates = new ArrayList<>();

        private Builder() {
        }

        /** @param override a host override @return this builder */
        public Builder hostOverride(HostOverride override) {
            hostOverrides.add(override);
            return this;
        }

        /** @param server the DNS server to query @return this builder */
        public Builder dnsServer(InetSocketAddress server) {
            this.dnsServer = server;
            return this;
        }

        /** @param certificates CA certificates to trust as well @return this builder */
        public Builder trust(List<X509Certificate> certificates) {
            extraTrustedCertificates.addAll(certificates);
            return this;
        }

        /** @return the immutable settings */
        public NetworkSettings build() {
            return new NetworkSettings(this);
        }
    }
}
