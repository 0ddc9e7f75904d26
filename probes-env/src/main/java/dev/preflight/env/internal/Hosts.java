package dev.preflight.env.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises host names that stay on the machine, where plaintext and missing passwords carry no
 * network risk.
 *
 * @since 0.1
 */
public final class Hosts {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private Hosts() {
    }

    /**
     * @param host a host name or IP literal, IPv6 with or without brackets
     * @return whether it is {@code localhost}, {@code *.localhost} (RFC 6761 §6.3), {@code 127.0.0.0/8},
     *     {@code ::1}, or {@code 0.0.0.0} (which connects to the local machine)
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || IPV4_LOOPBACK.matcher(h).matches()
                || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.equals("0.0.0.0");
    }
}
