package dev.preflight.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The text of a zone file, written record by record, for {@link DnsTestServer}. Owner names are
 * relative to the zone ({@code @} is the apex, {@code mail} is {@code mail.<zone>}) unless they end
 * with a dot, as in any zone file.
 *
 * <pre>{@code
 * DnsZone zone = DnsZone.named("shop.test")
 *         .a("@", "192.0.2.10")
 *         .mx("@", 10, "mail.shop.test.")
 *         .txt("selector1._domainkey", "v=DKIM1; k=rsa; p=" + longBase64Key); // split into 255-byte strings
 * }</pre>
 *
 * <p>Without an explicit {@code SOA}, {@link #text()} adds one (serial 1, minimum TTL 300); without an
 * explicit {@code NS} at the apex it adds {@code @ NS ns1.<zone>.}. Not thread-safe.
 *
 * @since 0.1
 */
public final class DnsZone {
    /** RFC 1035 §3.3: a character-string is a length octet followed by at most 255 octets. */
    private static final int MAX_STRING_BYTES = 255;

    private final String origin;
    private final List<String> lines = new ArrayList<>();
    private int ttl = 300;
    private boolean hasSoa;
    private boolean hasApexNs;

    private DnsZone(String origin) {
        this.origin = absolute(origin);
    }

    /** @param origin the zone's name, e.g. {@code example.com} (a final dot is optional) @return an empty zone */
    public static DnsZone named(String origin) {
        return new DnsZone(origin);
    }

    /** @return the zone's name, absolute (with its final dot) */
    public String origin() {
        return origin;
    }

    /** @param seconds the {@code $TTL} of every record; default 300 @return this zone */
    public DnsZone ttl(int seconds) {
        this.ttl = seconds;
        return this;
    }

    /**
     * Adds a record in presentation format.
     *
     * @param owner the owner name, relative or absolute
     * @param type the type mnemonic, e.g. {@code SRV}
     * @param rdata the record data as a zone file writes it
     * @return this zone
     */
    public DnsZone record(String owner, String type, String rdata) {
        String upper = type.toUpperCase(Locale.ROOT);
        boolean apex = "@".equals(owner) || absolute(owner).equalsIgnoreCase(origin);
        hasSoa |= "SOA".equals(upper);
        hasApexNs |= apex && "NS".equals(upper);
        lines.add(owner + " IN " + upper + " " + rdata);
        return this;
    }

    /** @param owner owner name @param ipv4 dotted quad @return this zone */
    public DnsZone a(String owner, String ipv4) {
        return record(owner, "A", ipv4);
    }

    /** @param owner owner name @param ipv6 an IPv6 address @return this zone */
    public DnsZone aaaa(String owner, String ipv6) {
        return record(owner, "AAAA", ipv6);
    }

    /** @param owner owner name @param target the canonical name @return this zone */
    public DnsZone cname(String owner, String target) {
        return record(owner, "CNAME", target);
    }

    /** @param owner owner name @param host a name server @return this zone */
    public DnsZone ns(String owner, String host) {
        return record(owner, "NS", host);
    }

    /** @param owner owner name @param preference lower is preferred @param exchange the mail host @return this zone */
    public DnsZone mx(String owner, int preference, String exchange) {
        return record(owner, "MX", preference + " " + exchange);
    }

    /**
     * Adds a TXT record holding one logical value, such as an SPF policy or a DKIM key. A value longer
     * than 255 bytes (UTF-8) becomes several character-strings of at most 255 bytes each, which
     * readers concatenate (RFC 7208 §3.3, RFC 6376 §3.6.2.2).
     *
     * @param owner owner name
     * @param value the value, any length
     * @return this zone
     */
    public DnsZone txt(String owner, String value) {
        return record(owner, "TXT", characterStrings(value));
    }

    /**
     * Adds a TXT record with exactly the given character-strings, each at most 255 bytes.
     *
     * @param owner owner name
     * @param strings the strings, in order
     * @return this zone
     * @throws IllegalArgumentException if a string is longer than 255 bytes
     */
    public DnsZone txtStrings(String owner, String... strings) {
        List<String> quoted = new ArrayList<>();
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_STRING_BYTES) {
                throw new IllegalArgumentException("a character-string holds at most 255 bytes, not " + bytes.length);
            }
            quoted.add(quote(bytes, 0, bytes.length));
        }
        return record(owner, "TXT", String.join(" ", quoted));
    }

    /**
     * @param owner owner name
     * @param flags 0, or 128 for critical
     * @param tag {@code issue}, {@code issuewild} or {@code iodef}
     * @param value e.g. {@code letsencrypt.org}
     * @return this zone
     */
    public DnsZone caa(String owner, int flags, String tag, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return record(owner, "CAA", flags + " " + tag + " " + quote(bytes, 0, bytes.length));
    }

    /**
     * @param owner owner name, e.g. {@code _25._tcp.mail}
     * @param usage certificate usage (3 = DANE-EE)
     * @param selector 0 = full certificate, 1 = public key
     * @param matchingType 0 = exact, 1 = SHA-256, 2 = SHA-512
     * @param data the association data
     * @return this zone
     */
    public DnsZone tlsa(String owner, int usage, int selector, int matchingType, byte[] data) {
        return record(owner, "TLSA", usage + " " + selector + " " + matchingType + " " + HexFormat.of().formatHex(data));
    }

    /** @return the zone file: {@code $ORIGIN}, {@code $TTL}, default SOA and NS when missing, the records */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("$ORIGIN ").append(origin).append('\n');
        out.append("$TTL ").append(ttl).append('\n');
        if (!hasSoa) {
            out.append("@ IN SOA ns1.").append(origin).append(" hostmaster.").append(origin)
                    .append(" 1 3600 600 86400 300\n");
        }
        if (!hasApexNs) {
            out.append("@ IN NS ns1.").append(origin).append('\n');
        }
        for (String line : lines) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    /**
     * Writes a value as zone-file character-strings: quoted, at most 255 bytes each, with {@code "}
     * and {@code \} escaped and bytes outside printable ASCII as {@code \DDD} (RFC 1035 §5.1).
     *
     * @param value any text, UTF-8 encoded on the wire
     * @return e.g. {@code "first 255 bytes" "the rest"}; {@code ""} for an empty value
     */
    public static String characterStrings(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return "\"\"";
        }
        StringBuilder out = new StringBuilder();
        for (int from = 0; from < bytes.length; from += MAX_STRING_BYTES) {
            if (from > 0) {
                out.append(' ');
            }
            out.append(quote(bytes, from, Math.min(bytes.length, from + MAX_STRING_BYTES)));
        }
        return out.toString();
    }

    private static String quote(byte[] bytes, int from, int to) {
        StringBuilder out = new StringBuilder(to - from + 2).append('"');
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xff;
            if (b == '"' || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
            } else {
                out.append(String.format(Locale.ROOT, "\\%03d", b));
            }
        }
        return out.append('"').toString();
    }

    static String absolute(String name) {
        return name.endsWith(".") ? name : name + ".";
    }
}
