package dev.preflight.http.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One cookie as a {@code Set-Cookie} line sets it, with the attributes that matter for security.
 * The value is deliberately not kept: a cookie's value is a secret and nothing downstream needs it.
 * Attribute values are as the user agent would take them (RFC 6265 section 5.2: the last of a
 * repeated attribute wins, a leading dot of {@code Domain} is dropped, a {@code Path} that does not
 * start with {@code /} is ignored).
 *
 * @param name the cookie name as sent (never its value)
 * @param secure whether {@code Secure} is set
 * @param httpOnly whether {@code HttpOnly} is set
 * @param sameSite the {@code SameSite} value as sent, or null when absent
 * @param domain the {@code Domain}, lower case without a leading dot, or null when absent
 * @param path the {@code Path}, or null when absent or ignored
 * @param maxAge the {@code Max-Age} in seconds, or null when absent or invalid
 * @param expires the {@code Expires} date, or null when absent or unparsable
 */
public record SetCookie(String name, boolean secure, boolean httpOnly, String sameSite, String domain, String path,
        Long maxAge, Instant expires) {

    /** @return the {@code SameSite} value, if the attribute was sent */
    public Optional<String> sameSiteValue() {
        return Optional.ofNullable(sameSite);
    }

    /**
     * A line that removes a cookie rather than sets one ({@code Max-Age} of zero or less, or an
     * {@code Expires} in the past): logout pages send these, and their flags protect nothing.
     *
     * @param now the current time
     * @return whether the cookie expires on arrival
     */
    public boolean isDeletion(Instant now) {
        if (maxAge != null) {
            return maxAge <= 0;
        }
        return expires != null && !expires.isAfter(now);
    }

    /** @return whether the name carries the {@code __Host-} prefix; browsers match it in any case */
    public boolean hostPrefixed() {
        return name.toLowerCase(Locale.ROOT).startsWith("__host-");
    }

    /** @return whether the name carries the {@code __Secure-} prefix; browsers match it in any case */
    public boolean securePrefixed() {
        return name.toLowerCase(Locale.ROOT).startsWith("__secure-");
    }
}
