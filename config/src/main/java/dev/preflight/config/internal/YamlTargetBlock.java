package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import dev.preflight.probe.Secret;
import dev.preflight.targets.TargetBlock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A target's block as a {@link dev.preflight.targets.TargetBlockReader} reads it, over the YAML entries. */
final class YamlTargetBlock implements TargetBlock {
    private final ConfigMap entries;

    YamlTargetBlock(ConfigMap entries) {
        this.entries = entries;
    }

    @Override
    public String key() {
        return entries.owner().key();
    }

    @Override
    public Optional<String> optional(String key) {
        return entries.get(key).map(n -> n.string().strip()).filter(v -> !v.isEmpty());
    }

    @Override
    public String required(String key, String problem) {
        return entries.require(key, problem).string().strip();
    }

    @Override
    public Optional<Secret> secret(String key) {
        return entries.get(key).map(n -> n.secret().strip()).filter(v -> !v.isEmpty()).map(Secret::of);
    }

    @Override
    public Secret requiredSecret(String key, String problem) {
        return Secret.of(entries.require(key, problem).secret().strip());
    }

    @Override
    public List<String> list(String key) {
        return entries.get(key).map(ConfigNode::strings).orElse(List.of());
    }

    @Override
    public Map<String, String> map(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        entries.get(key).ifPresent(n -> n.map(null).entries().forEach(e -> out.put(e.name(), e.string().strip())));
        return out;
    }

    @Override
    public ConfigException error(String key, String problem) {
        return entries.at(key).error(problem);
    }
}
