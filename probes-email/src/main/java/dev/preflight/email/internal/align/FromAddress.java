package dev.preflight.email.internal.align;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A From address as applications configure it, {@code no-reply@shop.example} or
 * {@code Shop <no-reply@shop.example>} (RFC 5322 3.4): the address and its domain, which DMARC
 * aligns with (RFC 7489 3.1). Immutable.
 *
 * @param written the value as configured, for messages
 * @param address the addr-spec, e.g. {@code no-reply@shop.example}
 * @param domain its domain, lower case, without a trailing dot
 */
public record FromAddress(String written, String address, String domain) {
    /** Letters, digits and hyphens in dot-separated labels, at least two of them. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9_]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * @param written a From address as configured
     * @return the address, or empty when the value holds no {@code local@domain} with a valid domain
     */
    public static Optional<FromAddress> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        String s = written.strip();
        int lt = s.lastIndexOf('<');
        int gt = s.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt).strip();
        }
        int at = s.lastIndexOf('@');
        if (at <= 0 || s.indexOf(' ') >= 0) {
            return Optional.empty();
        }
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        domain = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
        if (!DOMAIN.matcher(domain).matches()) {
            return Optional.empty();
        }
        return Optional.of(new FromAddress(written.strip(), s.substring(0, at) + "@" + domain, domain));
    }
}
