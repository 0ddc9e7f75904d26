package dev.preflight.config.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The entries of a YAML map, checked on creation: keys are plain scalars, none appears twice and,
 * where the allowed keys are known, none is unknown.
 */
final class ConfigMap {
    private final ConfigNode owner;
    private final Map<String, ConfigNode> entries;

    private ConfigMap(ConfigNode owner, Map<String, ConfigNode> entries) {
        this.owner = owner;
        this.entries = entries;
    }

    static ConfigMap empty(ConfigNode owner) {
        return new ConfigMap(owner, Map.of());
    }

    static ConfigMap of(ConfigNode owner, MappingNode mapping, Collection<String> allowedKeys) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            int keyLine = ConfigNode.lineOf(tuple.getKeyNode());
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw owner.entry("?", tuple.getValueNode(), keyLine)
                        .error("a key must be a plain name, not a list or a map");
            }
            String name = keyNode.getValue();
            ConfigNode entry = owner.entry(name, tuple.getValueNode(), keyLine);
            ConfigNode earlier = entries.get(name);
            if (earlier != null) {
                // snakeyaml-engine rejects duplicate keys only when constructing Java objects, not nodes.
                throw entry.error("'" + name + "' appears twice in this map (first on line " + earlier.line()
                        + "); keep one");
            }
            if (allowedKeys != null && !allowedKeys.contains(name)) {
                String hint = DidYouMean.suggest(name, allowedKeys);
                throw entry.error("unknown key '" + name + "'"
                        + (hint.isEmpty() ? "; allowed here: " + String.join(", ", allowedKeys) : hint));
            }
            entries.put(name, entry);
        }
        return new ConfigMap(owner, entries);
    }

    /** @return the map itself, for messages about it as a whole */
    ConfigNode owner() {
        return owner;
    }

    /** @return the entry, unless absent or empty */
    Optional<ConfigNode> get(String key) {
        return Optional.ofNullable(entries.get(key)).filter(n -> !n.isNull());
    }

    boolean has(String key) {
        return get(key).isPresent();
    }

    /**
     * An entry that must be present and, if a single value, not blank.
     *
     * @param key the key
     * @param problem what to say when it is missing
     * @return the entry
     */
    ConfigNode require(String key, String problem) {
        ConfigNode entry = at(key);
        if (entry.isNull() || !entry.isMap() && !entry.isList() && entry.string().isBlank()) {
            throw entry.error(problem);
        }
        return entry;
    }

    /** @return the entry, empty or not, or an empty stand-in located at this map when the key is absent */
    ConfigNode at(String key) {
        ConfigNode entry = entries.get(key);
        return entry != null ? entry : owner.entry(key, null, owner.line());
    }

    /** @return every entry, in file order, empty values included */
    List<ConfigNode> entries() {
        return new ArrayList<>(entries.values());
    }
}
