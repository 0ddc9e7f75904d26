package dev.preflight.support;

import java.net.InetAddress;
import java.util.regex.Pattern;

/**
 * Tells an IP address literal from a host name by its text alone, without a lookup: a URL's host,
 * a {@code --resolve} address, a certificate name. The one test every module uses, so that a host
 * is not a name in one place and an address in another.
 *
 * <pre>{@code
 * IpAddresses.isLiteral("[::1]");        // true
 * IpAddresses.isLiteral("10.0.0.2");     // true
 * IpAddresses.isLiteral("1.2.3.example"); // false
 * }</pre>
 *
 * @since 0.2
 */
public final class IpAddresses {
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");

    private IpAddresses() {
    }

    /**
     * @param host a host as written in a URL or setting, IPv6 with or without brackets and with an
     *     optional zone ({@code fe80::1%eth0}); may be null
     * @return whether it is an IPv4 dotted quad or an IPv6 address rather than a name
     */
    public static boolean isLiteral(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return IPV4.matcher(h).matches() || isIpv6(h);
    }

    /**
     * @param host a host, IPv6 possibly in brackets
     * @return the host as it goes into a URL: IPv6 in brackets, anything else unchanged
     */
    public static String forUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * Whether an address is link-local or a cloud provider's metadata service: 169.254.0.0/16 (AWS,
     * GCP and Azure metadata at 169.254.169.254), fe80::/10, AWS's fd00:ec2::254 and Alibaba's
     * 100.100.100.200. A request there from a checking machine can read its cloud credentials, so a
     * probe never follows a target's redirect to one.
     *
     * @param address an address
     * @return whether it is link-local or a metadata service
     */
    public static boolean isLinkLocalOrMetadata(InetAddress address) {
        if (address.isLinkLocalAddress()) {
            return true;
        }
        String text = address.getHostAddress();
        return text.equals("100.100.100.200") || text.equals("fd00:ec2:0:0:0:0:0:254");
    }

    private static boolean isIpv6(String text) {
        int zone = text.indexOf('%');
        if (zone == 0 || zone == text.length() - 1) {
            return false;
        }
        String h = zone > 0 ? text.substring(0, zone) : text;
        int gap = h.indexOf("::");
        if (gap >= 0 && h.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(h, true) == 8;
        }
        int head = groups(h.substring(0, gap), false);
        int tail = groups(h.substring(gap + 2), true);
        return head >= 0 && tail >= 0 && head + tail < 8;
    }

    /**
     * @param part colon-separated groups, possibly empty
     * @param last whether an embedded IPv4 address may end it (RFC 4291 2.2, form 3)
     * @return how many 16-bit groups it holds, or -1 if it is malformed
     */
    private static int groups(String part, boolean last) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] pieces = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < pieces.length; i++) {
            if (last && i == pieces.length - 1 && IPV4.matcher(pieces[i]).matches()) {
                count += 2;
            } else if (HEX_GROUP.matcher(pieces[i]).matches()) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }
}
