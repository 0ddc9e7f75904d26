package dev.preflight.dns.internal;

/**
 * One term of an SPF record (RFC 7208 4.6.1): a directive (qualifier and mechanism) or a modifier.
 *
 * @param position the term's 1-based place among the terms after {@code v=spf1}
 * @param offset the 1-based character at which the term starts in the record
 * @param text the term as written
 * @param modifier whether it is a modifier ({@code name=value}) rather than a mechanism
 * @param qualifier {@code + - ~ ?} for a mechanism ({@code +} when none is written); {@code 0} for a modifier
 * @param name the mechanism's or modifier's name, lower case
 * @param domainSpec the domain-spec (or a modifier's value) as written, or null when there is none
 * @param hasMacro whether the domain-spec holds a macro, so it names no domain until a sender is known
 * @param cidr4 the IPv4 prefix length of ip4, a or mx, or -1 when none is written
 * @param cidr6 the IPv6 prefix length of ip6, a or mx, or -1 when none is written
 */
public record SpfTerm(int position, int offset, String text, boolean modifier, char qualifier, String name,
        String domainSpec, boolean hasMacro, int cidr4, int cidr6) {

    /** @return whether evaluating the term asks DNS (RFC 7208 4.6.4): include, a, mx, ptr, exists, redirect */
    public boolean queriesDns() {
        return switch (name) {
            case "include", "a", "mx", "ptr", "exists" -> !modifier;
            case "redirect" -> modifier;
            default -> false;
        };
    }

    /**
     * @return the address of an {@code ip4} or {@code ip6} mechanism as written, without its prefix
     *     length, e.g. {@code 192.0.2.0} of {@code -ip4:192.0.2.0/24}; null for other terms
     */
    public String network() {
        if (modifier || !(name.equals("ip4") || name.equals("ip6"))) {
            return null;
        }
        String argument = text.substring(text.indexOf(':') + 1);
        int slash = argument.indexOf('/');
        return slash < 0 ? argument : argument.substring(0, slash);
    }

    /** @return e.g. {@code term 2 'foo:bar' (character 13)} */
    public String where() {
        return "term " + position + " '" + text + "' (character " + offset + ")";
    }
}
