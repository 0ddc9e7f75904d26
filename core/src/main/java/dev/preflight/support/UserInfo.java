package dev.preflight.support;

import dev.preflight.probe.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The credentials in a URL's user information ({@code scheme://name:password@host}), percent-decoded
 * ({@code +} stays a plus: it is not a space there). What a lone name means is the scheme's business:
 * a user for SMTP and PostgreSQL, a password for Redis ({@code redis://secret@host}). Immutable.
 *
 * @param name the part before the first colon, decoded; may be empty ({@code :password@})
 * @param password the part after it, when there is a colon; never print it
 * @since 0.3
 */
public record UserInfo(String name, Optional<Secret> password) {

    /**
     * @param uri a URL
     * @return its user information, when it has any
     */
    public static Optional<UserInfo> of(URI uri) {
        String raw = uri.getRawUserInfo();
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        int colon = raw.indexOf(':');
        String name = decode(colon < 0 ? raw : raw.substring(0, colon));
        Optional<Secret> password = colon < 0 ? Optional.empty() : Optional.of(Secret.of(decode(raw.substring(colon + 1))));
        return Optional.of(new UserInfo(name, password));
    }

    /** @return the name, unless empty */
    public Optional<String> nonEmptyName() {
        return Optional.of(name).filter(n -> !n.isEmpty());
    }

    /** @return the password, unless absent or empty */
    public Optional<Secret> nonEmptyPassword() {
        return password.filter(p -> !p.reveal().isEmpty());
    }

    /**
     * @param uri a URL with a host
     * @return its host without the brackets of an IPv6 literal
     */
    public static String host(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "UserInfo[" + name + (password.isPresent() ? ":***" : "") + "]";
    }
}
