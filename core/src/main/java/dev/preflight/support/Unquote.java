package dev.preflight.support;

/** Values as env files and settings hold them: surrounding spaces and one pair of quotes aside. */
final class Unquote {

    private Unquote() {
    }

    /**
     * @param value e.g. {@code  "prod" }
     * @return e.g. {@code prod}; empty for null
     */
    static String strip(String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }
}
