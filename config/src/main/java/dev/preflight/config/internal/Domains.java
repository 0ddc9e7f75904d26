package dev.preflight.config.internal;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Validates domain names as targets use them: ASCII (IDNA), lower case, at least two labels, no
 * trailing dot.
 */
public final class Domains {
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private Domains() {
    }

    /**
     * @return the domain in canonical form, an internationalised name in its ASCII form
     *     ({@code xn--bcher-kva.example} for {@code bücher.example}), or empty if it is not a domain name
     */
    public static Optional<String> normalise(String text) {
        String d = text.strip().toLowerCase(Locale.ROOT);
        if (!d.chars().allMatch(c -> c < 0x80)) {
            try {
                d = IDN.toASCII(d, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return DOMAIN.matcher(d).matches() && d.length() <= 253 ? Optional.of(d) : Optional.empty();
    }
}
