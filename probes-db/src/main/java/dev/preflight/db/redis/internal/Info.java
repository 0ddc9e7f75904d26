package dev.preflight.db.redis.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fields of an {@code INFO} answer: {@code name:value} lines under {@code # Section} headings.
 * Lines of another shape are ignored, as the INFO format allows new ones. Immutable.
 */
public final class Info {
    private final Map<String, String> fields;

    private Info(Map<String, String> fields) {
        this.fields = Map.copyOf(fields);
    }

    /**
     * @param text what {@code INFO [section]} answered
     * @return its fields
     */
    public static Info parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (line.isBlank() || line.startsWith("#") || colon <= 0) {
                continue;
            }
            fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return new Info(fields);
    }

    /** @return the field's value, if present */
    public Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** @return the field as a whole number, if present and numeric */
    public OptionalLong number(String name) {
        String value = fields.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * Sums the {@code dbN:keys=…,expires=…} lines of {@code INFO keyspace}.
     *
     * @return total keys and keys with a TTL, over every database
     */
    public Keyspace keyspace() {
        long keys = 0;
        long expires = 0;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!field.getKey().matches("db\\d+")) {
                continue;
            }
            for (String part : field.getValue().split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2 && kv[1].matches("\\d{1,18}")) {
                    if (kv[0].equals("keys")) {
                        keys += Long.parseLong(kv[1]);
                    } else if (kv[0].equals("expires")) {
                        expires += Long.parseLong(kv[1]);
                    }
                }
            }
        }
        return new Keyspace(keys, expires);
    }

    /**
     * @param keys keys in all databases
     * @param expires those of them with a TTL
     */
    public record Keyspace(long keys, long expires) {
        /** @return keys that never expire */
        public long withoutTtl() {
            return Math.max(0, keys - expires);
        }
    }
}
