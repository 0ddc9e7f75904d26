package dev.preflight.config.internal;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.targets.TargetBlockReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code targets:} map. Each block has exactly one kind key ({@code url}, {@code domain},
 * {@code env-file}, or the block key of a module's {@link TargetBlockReader}, e.g. {@code stripe}),
 * or a {@code kind:} with an optional {@code url}, {@code attributes} and {@code secrets}; and
 * optionally the keys every target shares.
 */
final class TargetReader {
    private static final List<String> COMMON = List.of("timeout", "include", "exclude", "environment", "settings");
    private static final List<String> CUSTOM = List.of("kind", "attributes", "secrets");
    /** The keys of a target's entry that no module's reader may claim. */
    static final List<String> RESERVED = Stream.of(List.of("url", "domain", "env-file"), CUSTOM, COMMON)
            .flatMap(List::stream).toList();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private TargetReader() {
    }

    /**
     * @param targets the {@code targets:} node
     * @param environment the stage targets are tagged with unless they set their own
     * @return the targets, in file order
     */
    static List<Target> readAll(ConfigNode targets, String environment) {
        List<Target> out = new ArrayList<>();
        for (ConfigNode entry : targets.map(null).entries()) {
            if (!NAME.matcher(entry.name()).matches()) {
                throw entry.error("target name '" + entry.name()
                        + "' may only contain letters, digits, '.', '_' and '-'");
            }
            out.add(read(entry, environment));
        }
        return out;
    }

    private static Target read(ConfigNode entry, String environment) {
        String name = entry.name();
        TargetBlockReaders readers = entry.context().readers();
        // Discovery order puts a module's keys where the built-in block keys used to be listed.
        List<String> kindKeys = Stream.of(List.of("url", "domain"), readers.keys(), List.of("env-file"))
                .flatMap(List::stream).toList();
        ConfigMap block = entry.map(allowedKeys(entry, kindKeys));
        Target.Builder b = block.has("kind") ? custom(entry, block, kindKeys) : declared(entry, block, kindKeys);
        block.get("timeout").ifPresent(n -> b.timeout(n.duration()));
        block.get("include").ifPresent(n -> b.include(n.probeGlobs()));
        block.get("exclude").ifPresent(n -> b.exclude(n.probeGlobs()));
        block.get("settings").ifPresent(n -> SettingsReader.read(n).forEach(b::setting));
        String stage = block.get("environment").map(n -> n.string().strip()).filter(s -> !s.isEmpty())
                .orElse(environment);
        return b.attribute(EnvTargets.ENVIRONMENT, stage).build();
    }

    /** The keys a target may have; an unknown one also names the readers that failed to load, if any. */
    private static List<String> allowedKeys(ConfigNode entry, List<String> kindKeys) {
        List<String> keys = Stream.of(kindKeys, CUSTOM, COMMON).flatMap(List::stream).toList();
        List<String> failures = entry.context().readers().failures();
        if (!failures.isEmpty()) {
            for (ConfigNode e : entry.map(null).entries()) {
                if (!keys.contains(e.name())) {
                    throw e.error("unknown key '" + e.name() + "'" + DidYouMean.suggest(e.name(), keys)
                            + "; some target readers could not be loaded, perhaps the one for it: "
                            + String.join("; ", failures));
                }
            }
        }
        return keys;
    }

    private static Target.Builder declared(ConfigNode entry, ConfigMap block, List<String> kindKeys) {
        String name = entry.name();
        List<String> kinds = kindKeys.stream().filter(block::has).toList();
        if (kinds.isEmpty()) {
            throw entry.error("target '" + name + "' needs one of " + String.join(", ", kindKeys)
                    + " or kind, e.g. url: https://shop.example.com");
        }
        if (kinds.size() > 1) {
            throw entry.error("target '" + name + "' has " + String.join(" and ", kinds)
                    + "; a target is one thing, so split it into one target per kind");
        }
        for (String key : List.of("attributes", "secrets")) {
            if (block.has(key)) {
                throw block.at(key).error(key + ": belongs to a target declared with kind:, e.g. kind: mongodb;"
                        + " a " + kinds.get(0) + " target takes its values from its own keys");
            }
        }
        ConfigNode kind = block.get(kinds.get(0)).orElseThrow();
        return switch (kinds.get(0)) {
            case "url" -> url(name, kind);
            case "domain" -> domain(name, kind);
            case "env-file" -> envFile(name, kind);
            default -> contributed(name, kind, entry.context().readers().reader(kinds.get(0)).orElseThrow());
        };
    }

    private static Target.Builder custom(ConfigNode entry, ConfigMap block, List<String> kindKeys) {
        List<String> others = kindKeys.stream().filter(k -> !k.equals("url")).filter(block::has).toList();
        if (!others.isEmpty()) {
            throw entry.error("target '" + entry.name() + "' has kind and " + String.join(" and ", others)
                    + "; " + others.get(0) + " declares a target of its own kind, so keep one of them");
        }
        return CustomKindTargets.read(entry.name(), block);
    }

    private static Target.Builder contributed(String name, ConfigNode node, TargetBlockReader reader) {
        Target.Builder b = reader.read(name, new YamlTargetBlock(node.map(reader.keys())));
        if (b == null) {
            throw new IllegalStateException("target reader " + reader.getClass().getName() + " returned no target for "
                    + node.key());
        }
        return b;
    }

    private static Target.Builder url(String name, ConfigNode node) {
        try {
            return Urls.builder(name, node.string());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Target.Builder domain(String name, ConfigNode node) {
        String text = node.string();
        String domain = Domains.normalise(text).orElseThrow(() -> node.error(node.show(text.strip())
                + " is not a domain name; write it without scheme or path, e.g. example.com"));
        return Target.builder(name, TargetKind.DOMAIN).attribute("domain", domain).location(domain);
    }

    private static Target.Builder envFile(String name, ConfigNode node) {
        Path path = node.context().baseDir().resolve(node.string().strip());
        return EnvTargets.envTarget(name, path, Dotenv.parse(path), node.context().secrets());
    }
}
