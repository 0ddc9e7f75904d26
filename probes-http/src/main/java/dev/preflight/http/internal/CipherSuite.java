package dev.preflight.http.internal;

import java.util.Locale;
import java.util.Set;

/**
 * A TLS 1.0–1.2 cipher suite from the IANA registry.
 *
 * @param code the two-byte code point
 * @param name the IANA name
 */
public record CipherSuite(int code, String name) {

    /** @return what makes it weak; empty for a sound suite */
    public Set<SuiteWeakness> weaknesses() {
        return SuiteWeakness.of(name);
    }

    /**
     * @param code a two-byte code point
     * @return it as hex, e.g. {@code 0x000A}
     */
    public static String hex(int code) {
        return String.format(Locale.ROOT, "0x%04X", code);
    }
}
