package dev.preflight.net.internal;

import dev.preflight.support.IpAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Matches a host name against a certificate's subjectAltNames by the rules of RFC 6125 section 6.4:
 * DNS names compare case-insensitively, a wildcard stands for exactly one whole left-most label and
 * needs at least two labels after it, and IP addresses match only IP entries. The subject's CN is
 * not consulted (RFC 6125 6.4.4: clients must not when SANs exist, and browsers ignore it).
 */
public final class HostnameMatcher {

    private HostnameMatcher() {
    }

    /**
     * @param host the host name or IP literal the client asked for
     * @param dnsNames the certificate's DNS SANs
     * @param ipAddresses the certificate's IP SANs, as text
     * @return whether the certificate is valid for the host
     */
    public static boolean matches(String host, List<String> dnsNames, List<String> ipAddresses) {
        if (IpAddresses.isLiteral(host)) {
            return ipAddresses.stream().anyMatch(ip -> sameAddress(ip, host));
        }
        String name = normalise(host);
        return dnsNames.stream().map(HostnameMatcher::normalise).anyMatch(pattern -> matchesPattern(name, pattern));
    }

    private static boolean matchesPattern(String host, String pattern) {
        if (!pattern.startsWith("*.")) {
            return host.equals(pattern);
        }
        String suffix = pattern.substring(1);
        if (suffix.chars().filter(c -> c == '.').count() < 2) {
            return false;
        }
        int firstDot = host.indexOf('.');
        return firstDot > 0 && host.substring(firstDot).equals(suffix);
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean sameAddress(String a, String b) {
        try {
            // Both are literals, so no lookup happens; this equates 0:0::1 and ::1.
            return InetAddress.getByName(a).equals(InetAddress.getByName(b.replace("[", "").replace("]", "")));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
