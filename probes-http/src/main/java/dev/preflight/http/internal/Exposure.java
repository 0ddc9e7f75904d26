package dev.preflight.http.internal;

import java.util.Locale;

/** How far a surface can be reached from outside, in increasing order of exposure. */
public enum Exposure {
    /** Not there, or not told apart from the site's catch-all answer. */
    ABSENT,
    /** There, behind authentication or access control: 401, 403, or a redirect to a login page. */
    AUTH,
    /** Answered to anyone, with the content that proves it is the real thing. */
    PUBLIC;

    /** @return the name used in settings and details: {@code absent}, {@code auth}, {@code public} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value a setting's value
     * @param key the full setting key, for the error message
     * @return the exposure it names
     * @throws IllegalArgumentException naming the key when the value is none of the labels
     */
    public static Exposure parse(String value, String key) {
        for (Exposure e : values()) {
            if (e.label().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException("setting " + key + " must be absent, auth or public");
    }
}
