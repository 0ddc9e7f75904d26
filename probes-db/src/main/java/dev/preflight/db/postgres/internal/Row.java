package dev.preflight.db.postgres.internal;

import java.util.Map;
import java.util.Optional;

/**
 * One row of a query, its values as text.
 *
 * @param values by column label; a SQL NULL is null
 */
public record Row(Map<String, String> values) {

    /** @param name a column label @return its value, null for NULL */
    public String get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no column " + name + " in " + values.keySet());
        }
        return values.get(name);
    }

    /** @param name a column label @return its value, empty for NULL */
    public Optional<String> optional(String name) {
        return Optional.ofNullable(get(name));
    }

    /** @param name a column label of a number @return it, 0 for NULL */
    public long number(String name) {
        String value = get(name);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** @param name a column label of a boolean @return it, false for NULL */
    public boolean flag(String name) {
        return "t".equals(get(name)) || "true".equals(get(name));
    }
}
