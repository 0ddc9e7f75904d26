package dev.preflight.config.internal;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the {@code network:} section: host overrides, a DNS server and extra CA files. */
final class NetworkReader {
    private static final List<String> KEYS = List.of("resolve", "dns-server", "ca-file", "ca-files");
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private NetworkReader() {
    }

    static NetworkSettings read(ConfigNode node) {
        ConfigMap m = node.map(KEYS);
        NetworkSettings.Builder b = NetworkSettings.builder();
        for (ConfigNode.Value v : m.get("resolve").map(ConfigNode::values).orElse(List.of())) {
            try {
                b.hostOverride(HostOverride.parse(v.text()));
            } catch (IllegalArgumentException e) {
                // Not e.getMessage(): it quotes the text, which show() may have to hide.
                throw v.at().error(v.at().show(v.text()) + " is not a host override; write HOST:PORT:ADDRESS with an IP"
                        + " address, e.g. shop.example.com:443:127.0.0.1");
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

    /** Parses {@code HOST[:PORT]} with an IP literal as host, IPv6 optionally bracketed; the port defaults to 53. */
    static InetSocketAddress dnsServer(ConfigNode at) {
        String spec = at.string().strip();
        String host = spec;
        String port = "53";
        if (spec.startsWith("[") && spec.contains("]")) {
            host = spec.substring(1, spec.indexOf(']'));
            String rest = spec.substring(spec.indexOf(']') + 1);
            port = rest.startsWith(":") ? rest.substring(1) : rest.isEmpty() ? port : "bad";
        } else if (spec.indexOf(':') > 0 && spec.indexOf(':') == spec.lastIndexOf(':')) {
            host = spec.substring(0, spec.indexOf(':'));
            port = spec.substring(spec.indexOf(':') + 1);
        }
        String problem = at.show(spec) + " is not an IP address with an optional port; write e.g."
                + " 127.0.0.1:5353 or [::1]:53";
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches() || !port.matches("\\d{1,5}")
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw at.error(problem);
        }
        try {
            // An IP literal never triggers a DNS lookup.
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(port));
        } catch (UnknownHostException e) {
            throw at.error(problem);
        }
    }
}
