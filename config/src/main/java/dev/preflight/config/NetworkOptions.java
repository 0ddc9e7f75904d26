package dev.preflight.config;

import dev.preflight.ConfigException;
import dev.preflight.config.internal.DnsServers;
import dev.preflight.config.internal.PemCertificates;
import dev.preflight.probe.HostOverride;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Reads network options given outside a configuration file, such as the command line's
 * {@code --resolve}, {@code --dns-server} and {@code --ca-file}, with the same rules as the
 * {@code network:} section of {@code preflight.yml}. Every problem is a {@link ConfigException}
 * naming the option.
 *
 * <pre>{@code
 * NetworkSettings network = NetworkSettings.builder()
 *         .hostOverride(NetworkOptions.hostOverride("--resolve", "shop.example.com:443:127.0.0.1"))
 *         .trust(NetworkOptions.caCertificates("--ca-file", Path.of("internal-ca.pem")))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class NetworkOptions {
    private NetworkOptions() {
    }

    /**
     * @param option the option's name for messages, e.g. {@code --resolve}
     * @param spec {@code HOST:PORT:ADDRESS}
     * @return the override
     */
    public static HostOverride hostOverride(String option, String spec) {
        try {
            return HostOverride.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, 0, option, e.getMessage() + "; write HOST:PORT:ADDRESS with an IP address,"
                    + " e.g. shop.example.com:443:127.0.0.1");
        }
    }

    /**
     * @param option the option's name for messages, e.g. {@code --resolve}
     * @param spec {@code HOST:PORT:ADDRESS[,ADDRESS...]}
     * @return one override per address
     */
    public static List<HostOverride> hostOverrides(String option, String spec) {
        try {
            return HostOverride.parseAll(spec);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, 0, option, e.getMessage() + "; write HOST:PORT:ADDRESS[,ADDRESS...] with IP"
                    + " addresses, e.g. shop.example.com:443:127.0.0.1");
        }
    }

    /**
     * @param option the option's name for messages, e.g. {@code --dns-server}
     * @param spec an IP address with an optional port, e.g. {@code 127.0.0.1:5353}
     * @return the server's address
     */
    public static InetSocketAddress dnsServer(String option, String spec) {
        try {
            return DnsServers.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, 0, option, "'" + spec + "' " + e.getMessage());
        }
    }

    /**
     * @param option the option's name for messages, e.g. {@code --ca-file}
     * @param file a PEM file with one or more CA certificates
     * @return its certificates
     */
    public static List<X509Certificate> caCertificates(String option, Path file) {
        try {
            return PemCertificates.read(file, file.toString());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file.toString(), 0, option, e.getMessage());
        }
    }
}
