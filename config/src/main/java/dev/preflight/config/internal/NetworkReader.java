package dev.preflight.config.internal;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/** Reads the {@code network:} section: host overrides, a DNS server and extra CA files. */
final class NetworkReader {
    private static final List<String> KEYS = List.of("resolve", "dns-server", "ca-file", "ca-files");

    private NetworkReader() {
    }

    static NetworkSettings read(ConfigNode node) {
        ConfigMap m = node.map(KEYS);
        NetworkSettings.Builder b = NetworkSettings.builder();
        for (ConfigNode.Value v : m.get("resolve").map(ConfigNode::values).orElse(List.of())) {
            try {
                HostOverride.parseAll(v.text()).forEach(b::hostOverride);
            } catch (IllegalArgumentException e) {
                // Not e.getMessage(): it quotes the text, which show() may have to hide.
                throw v.at().error(v.at().show(v.text()) + " is not a host override; write HOST:PORT:ADDRESS with an IP"
                        + " address (several separated by commas), e.g. shop.example.com:443:127.0.0.1");
            }
        }
        m.get("dns-server").ifPresent(n -> b.dnsServer(dnsServer(n)));
        m.get("ca-file").ifPresent(n -> b.trust(certificates(n, n.string())));
        for (ConfigNode.Value v : m.get("ca-files").map(ConfigNode::values).orElse(List.of())) {
            b.trust(certificates(v.at(), v.text()));
        }
        return b.build();
    }

    private static List<java.security.cert.X509Certificate> certificates(ConfigNode at, String path) {
        Path file = at.context().baseDir().resolve(path.strip());
        try {
            return PemCertificates.read(file, file.toString());
        } catch (IllegalArgumentException e) {
            throw at.error(e.getMessage());
        }
    }

    private static InetSocketAddress dnsServer(ConfigNode at) {
        String spec = at.string();
        try {
            return DnsServers.parse(spec);
        } catch (IllegalArgumentException e) {
            throw at.error(at.show(spec.strip()) + " " + e.getMessage());
        }
    }
}
