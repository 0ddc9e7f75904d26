package dev.preflight.probe;

import dev.preflight.support.IpAddresses;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Sends connections for one host and port to a fixed address, as curl's {@code --resolve} does:
 * probes connect to {@link #address()} while still using {@link #host()} for SNI, {@code Host} and
 * certificate checks.
 *
 * <pre>{@code
 * InetAddress connectTo = context.network().overrideFor(host, port).orElseGet(() -> resolve(host));
 * }</pre>
 *
 * @param host the host name as it appears in target URLs, lower case; an internationalised name is
 *     kept in its ASCII form ({@code xn--bcher-kva.example} for {@code bücher.example})
 * @param port the port, or 0 for every port
 * @param address where to connect instead
 * @since 0.1
 */
public record HostOverride(String host, int port, InetAddress address) {

    /** Validates and normalises the components. */
    public HostOverride {
        Objects.requireNonNull(host, "'host' must not be null");
        Objects.requireNonNull(address, "'address' must not be null");
        host = ascii(host).toLowerCase(Locale.ROOT);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** Probes see the ASCII form of an internationalised name (xn--…, RFC 5891), as URI and DNS need it. */
    private static String ascii(String host) {
        if (host.chars().allMatch(c -> c < 0x80)) {
            return host;
        }
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + host + "' is not a valid internationalised host name ("
                    + e.getMessage() + ")");
        }
    }

    /**
     * Parses curl's form {@code HOST:PORT:ADDRESS}, where ADDRESS is an IP literal (IPv6 may be
     * bracketed) and PORT may be {@code *}.
     *
     * @param spec e.g. {@code shop.example.com:443:127.0.0.1}
     * @return the override
     * @throws IllegalArgumentException if the form is wrong
     */
    public static HostOverride parse(String spec) {
        int first = spec.indexOf(':');
        int second = first < 0 ? -1 : spec.indexOf(':', first + 1);
        if (first <= 0 || second < 0) {
            throw new IllegalArgumentException("expected HOST:PORT:ADDRESS, got '" + spec + "'");
        }
        String host = spec.substring(0, first);
        String portText = spec.substring(first + 1, second);
        String addressText = spec.substring(second + 1);
        if (addressText.startsWith("[") && addressText.endsWith("]")) {
            addressText = addressText.substring(1, addressText.length() - 1);
        }
        int port;
        try {
            port = portText.equals("*") ? 0 : Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number in '" + spec + "'");
        }
        if (!IpAddresses.isLiteral(addressText)) {
            throw new IllegalArgumentException("address must be an IP address in '" + spec + "'");
        }
        try {
            // An IP literal never triggers a DNS lookup.
            return new HostOverride(host, port, InetAddress.getByName(addressText));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address is not an IP address in '" + spec + "'");
        }
    }

    /**
     * Parses curl's form with one or more addresses, {@code HOST:PORT:ADDRESS[,ADDRESS...]}: a host
     * served by several nodes, each of which the probes check.
     *
     * @param spec e.g. {@code shop.example.com:443:127.0.0.1,127.0.0.2}
     * @return one override per address, in the order given
     * @throws IllegalArgumentException if the form is wrong
     */
    public static List<HostOverride> parseAll(String spec) {
        int second = spec.indexOf(':', spec.indexOf(':') + 1);
        if (second < 0) {
            return List.of(parse(spec));
        }
        String prefix = spec.substring(0, second + 1);
        List<HostOverride> overrides = new ArrayList<>();
        for (String address : spec.substring(second + 1).split(",", -1)) {
            overrides.add(parse(prefix + address.strip()));
        }
        return List.copyOf(overrides);
    }

    /**
     * @param host a host name
     * @param port a port
     * @return whether this override applies to them
     */
    public boolean matches(String host, int port) {
        return this.host.equalsIgnoreCase(host) && (this.port == 0 || this.port == port);
    }
}
