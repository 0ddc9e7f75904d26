package dev.preflight.support;

/**
 * Values as env files and settings hold them: surrounding spaces and one pair of quotes aside, so
 * that {@code "prod"}, {@code 'prod'} and {@code prod} read the same.
 *
 * @since 0.1
 */
public final class Unquote {

    private Unquote() {
    }

    /**
     * @param value e.g. {@code  "prod" }, may be null
     * @return e.g. {@code prod}; empty for null
     */
    public static String strip(String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }
}
