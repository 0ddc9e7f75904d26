package dev.preflight.env.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Picks variables out of an environment file and cleans their values.
 *
 * <p>Names match case-insensitively: most platforms treat names case-sensitively, but a lower-case
 * {@code debug=true} is still meant as the debug flag and is safer reported than ignored.
 *
 * @since 0.1
 */
public final class Variables {
    private static final int MAX_SHOWN = 40;

    private Variables() {
    }

    /**
     * @param variables the file's variables, in file order
     * @param names the names to pick
     * @return the picked variables, in file order, values {@link #clean cleaned}
     */
    public static Map<String, String> named(Map<String, String> variables, Collection<String> names) {
        return matching(variables, name -> names.contains(name));
    }

    /**
     * @param variables the file's variables, in file order
     * @param upperCaseName tested against each name in upper case
     * @return the matching variables, in file order, values {@link #clean cleaned}
     */
    public static Map<String, String> matching(Map<String, String> variables, Predicate<String> upperCaseName) {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            if (upperCaseName.test(name.toUpperCase(Locale.ROOT))) {
                out.put(name, clean(value));
            }
        });
        return out;
    }

    /**
     * Strips surrounding whitespace and one pair of matching quotes, in case the file's parser left
     * them in place.
     *
     * @param value a raw value, may be null
     * @return the cleaned value; empty for null
     */
    public static String clean(String value) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        return v;
    }

    /**
     * Quotes a value of a variable that is not secret, shortened so a long value cannot swamp the
     * summary. Never call this with a secret.
     *
     * @param value a non-secret value
     * @return e.g. {@code 'development'}
     */
    public static String show(String value) {
        String v = value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN - 1) + "…";
        return "'" + v + "'";
    }

    /**
     * @param n a count
     * @param noun the singular noun, pluralised with an s
     * @return e.g. {@code 1 secret}, {@code 3 secrets}
     */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * @param names variable names
     * @return them comma-separated, for "looked for …" messages
     */
    public static String list(Collection<String> names) {
        return String.join(", ", names);
    }
}
