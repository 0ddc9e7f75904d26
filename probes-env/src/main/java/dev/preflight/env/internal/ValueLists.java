package dev.preflight.env.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits list-valued variables the ways frameworks accept them: comma- or space-separated
 * ({@code a.com,b.com}, {@code a.com b.com}) or a JSON-style array ({@code ["a.com", "b.com"]}).
 *
 * @since 0.1
 */
public final class ValueLists {

    private ValueLists() {
    }

    /**
     * @param value a list value
     * @return its items, unquoted and trimmed, empty items dropped
     */
    public static List<String> split(String value) {
        String v = Variables.clean(value);
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        List<String> items = new ArrayList<>();
        for (String item : v.split("[,\\s]+")) {
            String clean = Variables.clean(item);
            if (!clean.isEmpty()) {
                items.add(clean);
            }
        }
        return items;
    }
}
