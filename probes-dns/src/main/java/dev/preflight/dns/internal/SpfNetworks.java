package dev.preflight.dns.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The client address as SPF sees it (RFC 7208 5, 5.6, 7.3): IPv4-mapped IPv6 addresses are IPv4,
 * networks match by prefix length, and the address has a dotted form for {@code %{i}} and a reverse
 * name for PTR queries.
 */
public final class SpfNetworks {

    private SpfNetworks() {
    }

    /**
     * @param ip a client address
     * @return the address SPF evaluates: an IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) as the
     *     IPv4 address it carries (RFC 7208 5: it "MUST still be considered an IPv4 address")
     */
    public static InetAddress canonical(InetAddress ip) {
        byte[] b = ip.getAddress();
        if (ip instanceof Inet6Address && b.length == 16 && isMapped(b)) {
            try {
                return InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return ip;
    }

    private static boolean isMapped(byte[] b) {
        for (int k = 0; k < 10; k++) {
            if (b[k] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /**
     * @param network the network's address
     * @param prefix its prefix length, 0 to the address's bit count
     * @param ip the client address, {@link #canonical canonical}
     * @return whether the first {@code prefix} bits agree; false for addresses of different families,
     *     so an IPv4 client never matches {@code ip6} and an IPv6 client never matches {@code ip4}
     */
    public static boolean contains(InetAddress network, int prefix, InetAddress ip) {
        byte[] n = network.getAddress();
        byte[] a = ip.getAddress();
        if (n.length != a.length || prefix < 0 || prefix > n.length * 8) {
            return false;
        }
        int full = prefix / 8;
        for (int k = 0; k < full; k++) {
            if (n[k] != a[k]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (n[full] & mask) == (a[full] & mask);
    }

    /**
     * @param ip a client address, {@link #canonical canonical}
     * @return {@code %{i}} (RFC 7208 7.3): the dotted quad of IPv4, or the 32 hexadecimal nibbles of
     *     IPv6 in lower case separated by dots, e.g. {@code 2.0.0.1.0.d.b.8.0.0...}
     */
    public static String dotted(InetAddress ip) {
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress();
        }
        StringBuilder out = new StringBuilder(63);
        for (byte b : ip.getAddress()) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append('.').append(Character.forDigit(b & 0xf, 16));
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * @param ip a client address, {@link #canonical canonical}
     * @return the name whose PTR records name the address, e.g. {@code 3.2.0.192.in-addr.arpa}
     */
    public static String reverseName(InetAddress ip) {
        String[] parts = dotted(ip).split("\\.");
        StringBuilder out = new StringBuilder();
        for (int k = parts.length - 1; k >= 0; k--) {
            out.append(parts[k]).append('.');
        }
        return out.append(ip instanceof Inet4Address ? "in-addr.arpa" : "ip6.arpa").toString();
    }

    /** @param ip a client address @return {@code %{v}}: {@code in-addr} for IPv4, {@code ip6} for IPv6 */
    public static String version(InetAddress ip) {
        return ip instanceof Inet4Address ? "in-addr" : "ip6";
    }
}
