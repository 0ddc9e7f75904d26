package dev.preflight.config.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Parses a DNS server given as {@code HOST[:PORT]}: an IP literal, IPv6 optionally bracketed; port 53 by default. */
public final class DnsServers {
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1?\\d?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final String PROBLEM = "is not an IP address with an optional port; write e.g. 127.0.0.1:5353 or [::1]:53";

    private DnsServers() {
    }

    /**
     * @param text the server, e.g. {@code 127.0.0.1:5353}
     * @return its address
     * @throws IllegalArgumentException with a message that does not quote the text, to follow it
     */
    public static InetSocketAddress parse(String text) {
        String spec = text.strip();
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
        if (!IPV4.matcher(host).matches() && !IPV6.matcher(host).matches() || !port.matches("\\d{1,5}")
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException(PROBLEM);
        }
        try {
            // An IP literal never triggers a DNS lookup.
            return new InetSocketAddress(InetAddress.getByName(host), Integer.parseInt(port));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(PROBLEM);
        }
    }
}
