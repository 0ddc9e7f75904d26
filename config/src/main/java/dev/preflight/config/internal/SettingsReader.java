package dev.preflight.config.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a target's {@code settings:}, flattening nested maps with dots, so that
 * {@code tls.certificate: {warn-days: 30}} and {@code tls.certificate.warn-days: 30} mean the same.
 * Lists become comma-separated strings. Every key must extend a known probe id.
 */
final class SettingsReader {
    private SettingsReader() {
    }

    /** @return the settings keyed {@code <probe-id>.<key>}, in file order */
    static Map<String, String> read(ConfigNode settings) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten(settings, "", out);
        return out;
    }

    private static void flatten(ConfigNode node, String prefix, Map<String, String> out) {
        for (ConfigNode entry : node.map(null).entries()) {
            String key = prefix + entry.name();
            if (entry.isMap()) {
                flatten(entry, key + ".", out);
                continue;
            }
            entry.context().probes().checkSettingKey(entry, key);
            if (out.containsKey(key)) {
                throw entry.error("'" + key + "' is set twice, once flat and once nested; keep one");
            }
            out.put(key, entry.isList() ? String.join(",", entry.strings()) : entry.string().strip());
        }
    }
}
