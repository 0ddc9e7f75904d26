package dev.preflight.config.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.util.Map;

/**
 * Reads a target declared with {@code kind:}: a kind Preflight has no reader for, checked by the
 * probes of some module on the class path. It may have a URL of any scheme, plain
 * {@code attributes:} and {@code secrets:}, which are redacted everywhere.
 */
final class CustomKindTargets {
    /** Kinds with a key of their own; {@code kind:} names only the others. */
    private static final Map<String, String> DECLARED_BY = Map.of("web", "url: https://…", "postgres",
            "url: postgresql://…", "redis", "url: redis://… or rediss://…", "smtp", "url: smtp://… or smtps://…",
            "domain", "domain: example.com", "env", "env-file: .env.production");

    private CustomKindTargets() {
    }

    /**
     * @param name the target name
     * @param block the target's entries; {@code kind} is present
     * @return a builder for the target
     */
    static Target.Builder read(String name, ConfigMap block) {
        ConfigNode kindNode = block.get("kind").orElseThrow();
        Target.Builder b = Target.builder(name, kind(kindNode));
        block.get("url").ifPresent(n -> {
            try {
                b.uri(Urls.parse(n.string()));
            } catch (IllegalArgumentException e) {
                throw n.error(e.getMessage());
            }
        });
        block.get("attributes").ifPresent(n -> n.map(null).entries()
                .forEach(e -> b.attribute(e.name(), e.string().strip())));
        block.get("secrets").ifPresent(n -> n.map(null).entries().forEach(e -> {
            String value = e.secret().strip();
            if (!value.isEmpty()) {
                b.secret(e.name(), Secret.of(value));
            }
        }));
        return b;
    }

    private static TargetKind kind(ConfigNode node) {
        String label = node.string().strip();
        String ownKey = DECLARED_BY.get(label);
        if (ownKey != null) {
            throw node.error("'" + label + "' targets are declared by their own key, not kind:; write " + ownKey);
        }
        if (node.context().readers().reader(label).isPresent()) {
            throw node.error("'" + label + "' targets are declared by their own block, not kind:; write " + label
                    + ": followed by its keys");
        }
        try {
            return TargetKind.of(label);
        } catch (IllegalArgumentException e) {
            throw node.error(node.show(label) + " is not a kind: write it in lower case, a letter followed by"
                    + " letters, digits or '-', e.g. kind: mongodb");
        }
    }
}
