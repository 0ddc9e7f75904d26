package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import dev.preflight.support.Durations;
import dev.preflight.support.SecretNames;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML node with its dotted key and line, whose typed accessors throw {@link ConfigException}s
 * that point at it. Scalars are interpolated when read; values under secret-looking keys, and URL
 * passwords, go to the secret collector and are never echoed in messages.
 */
final class ConfigNode {
    private final LoadContext context;
    private final String key;
    private final String name;
    private final Node node;
    private final int line;

    private ConfigNode(LoadContext context, String key, String name, Node node, int line) {
        this.context = context;
        this.key = key;
        this.name = name;
        this.node = node;
        this.line = line;
    }

    /** @return the document root; a missing document reads as an empty map */
    static ConfigNode root(LoadContext context, Node node) {
        return new ConfigNode(context, "", "", node, node == null ? 1 : lineOf(node));
    }

    /** @return a map entry's value, located at its key's line */
    ConfigNode entry(String entryName, Node value, int keyLine) {
        return new ConfigNode(context, key.isEmpty() ? entryName : key + "." + entryName, entryName, value, keyLine);
    }

    static int lineOf(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    LoadContext context() {
        return context;
    }

    /** @return the dotted key, e.g. {@code targets.shop.timeout} */
    String key() {
        return key;
    }

    /** @return the last segment of the key: a map entry's own name */
    String name() {
        return name;
    }

    int line() {
        return line;
    }

    /** @return a problem located at this node */
    ConfigException error(String problem) {
        return new ConfigException(context.file(), line, key.isEmpty() ? null : key, problem);
    }

    boolean isNull() {
        return node == null || node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    /**
     * @param allowedKeys the keys allowed here, or null for any
     * @return the entries of this map; an empty value reads as an empty map
     */
    ConfigMap map(Collection<String> allowedKeys) {
        if (isNull()) {
            return ConfigMap.empty(this);
        }
        if (!(node instanceof MappingNode mapping)) {
            throw error("expected a map of 'key: value' lines here, found " + describe());
        }
        return ConfigMap.of(this, mapping, allowedKeys);
    }

    /** @return the items of this list; an empty value reads as an empty list */
    List<ConfigNode> list() {
        if (isNull()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw error("expected a list here, found " + describe() + "; write each item on its own line after '- '");
        }
        List<ConfigNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            items.add(new ConfigNode(context, key + "[" + items.size() + "]", name, item, lineOf(item)));
        }
        return items;
    }

    /** @return the interpolated text of this scalar; an empty value reads as an empty string */
    String string() {
        if (isNull()) {
            return "";
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value here, found " + describe());
        }
        String value;
        try {
            value = context.interpolator().expand(scalar.getValue());
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        if (SecretNames.isSecret(name)) {
            context.secrets().add(value);
        }
        context.secrets().addUrlPasswords(value);
        return value;
    }

    /** @return the interpolated text of this scalar, known to the redactor as a secret whatever its key */
    String secret() {
        String value = string();
        context.secrets().add(value);
        context.secrets().add(value.strip());
        return value;
    }

    /** @return the non-empty values of a list or of a comma-separated string, each with its node */
    List<Value> values() {
        List<Value> values = new ArrayList<>();
        if (isList()) {
            for (ConfigNode item : list()) {
                String text = item.string().strip();
                if (!text.isEmpty()) {
                    values.add(new Value(item, text));
                }
            }
        } else if (isMap()) {
            throw error("expected a list or a comma-separated value here, found a map");
        } else {
            for (String part : string().split(",")) {
                if (!part.isBlank()) {
                    values.add(new Value(this, part.strip()));
                }
            }
        }
        return values;
    }

    /** @return the values of a list or comma-separated string */
    List<String> strings() {
        return values().stream().map(Value::text).toList();
    }

    /** @return probe id globs from a list or comma-separated string, each checked against the known probes */
    List<String> probeGlobs() {
        List<String> globs = new ArrayList<>();
        for (Value v : values()) {
            context.probes().checkGlob(v.at(), v.text());
            globs.add(v.text());
        }
        return globs;
    }

    /** @return a positive duration such as {@code 10s} */
    Duration duration() {
        String text = string();
        Duration d;
        try {
            d = Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(show(text) + (e.getMessage().startsWith("too long") ? " is too long; give at most 292 years"
                    : " is not a duration") + "; write e.g. 500ms, 10s, 2m or 1m30s");
        }
        if (d.isZero()) {
            throw error("the duration must be longer than zero");
        }
        return d;
    }

    /** @return a whole number within the bounds */
    int integer(int min, int max) {
        String text = string().strip();
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            throw error(show(text) + " is not a whole number; write a number from " + min + " to " + max);
        }
        throw error(show(text) + " is out of range; write a number from " + min + " to " + max);
    }

    /** @return an ISO date */
    LocalDate date() {
        String text = string().strip();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(show(text) + " is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01");
        }
    }

    /**
     * @param value a value read from this node
     * @return the value quoted for a message, or a stand-in when it is, or holds, a secret
     */
    String show(String value) {
        return SecretNames.isSecret(name) || context.secrets().revealedIn(value)
                ? "the value (not shown: it holds a secret)" : "'" + value + "'";
    }

    private String describe() {
        return node instanceof MappingNode ? "a map" : node instanceof SequenceNode ? "a list" : "a single value";
    }

    /**
     * One value of a list or comma-separated string.
     *
     * @param at the node it came from, for messages
     * @param text the value
     */
    record Value(ConfigNode at, String text) {
    }
}
