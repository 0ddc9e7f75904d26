package dev.preflight.config.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates domain names as targets use them: lower case, at least two labels, no trailing dot. */
public final class Domains {
    private static final Pattern DOMAIN =
            Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");

    private Domains() {
    }

    /** @return the domain in canonical form, or empty if it is not a domain name */
    public static Optional<String> normalise(String text) {
        String d = text.strip().toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        return DOMAIN.matcher(d).matches() && d.length() <= 253 ? Optional.of(d) : Optional.empty();
    }
}
