package dev.preflight.host.internal;

import java.net.InetAddress;

/**
 * One connection attempt and what it found.
 *
 * @param address the address tried
 * @param port the port tried
 * @param state what came back
 */
public record Attempt(InetAddress address, int port, PortState state) {

    /** @return e.g. {@code 203.0.113.5:6379} or {@code [2001:db8::5]:6379} */
    public String endpoint() {
        String host = address.getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
