package dev.preflight.config.internal;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code targets:} map. Each block has exactly one kind key ({@code url}, {@code domain},
 * {@code stripe}, {@code razorpay}, {@code env-file}) and optionally the keys every target shares.
 */
final class TargetReader {
    private static final List<String> KINDS = List.of("url", "domain", "stripe", "razorpay", "env-file");
    private static final List<String> COMMON = List.of("timeout", "include", "exclude", "environment", "settings");
    private static final List<String> KEYS = Stream.concat(KINDS.stream(), COMMON.stream()).toList();
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
        ConfigMap block = entry.map(KEYS);
        List<String> kinds = KINDS.stream().filter(block::has).toList();
        if (kinds.isEmpty()) {
            throw entry.error("target '" + name + "' needs one of " + String.join(", ", KINDS)
                    + ", e.g. url: https://shop.example.com");
        }
        if (kinds.size() > 1) {
            throw entry.error("target '" + name + "' has " + String.join(" and ", kinds)
                    + "; a target is one thing, so split it into one target per kind");
        }
        ConfigNode kind = block.get(kinds.get(0)).orElseThrow();
        Target.Builder b = switch (kinds.get(0)) {
            case "url" -> url(name, kind);
            case "domain" -> domain(name, kind);
            case "stripe" -> PaymentBlocks.stripe(name, kind);
            case "razorpay" -> PaymentBlocks.razorpay(name, kind);
            default -> envFile(name, kind);
        };
        block.get("timeout").ifPresent(n -> b.timeout(n.duration()));
        block.get("include").ifPresent(n -> b.include(n.probeGlobs()));
        block.get("exclude").ifPresent(n -> b.exclude(n.probeGlobs()));
        block.get("settings").ifPresent(n -> SettingsReader.read(n).forEach(b::setting));
        String stage = block.get("environment").map(n -> n.string().strip()).filter(s -> !s.isEmpty())
                .orElse(environment);
        return b.attribute(EnvTargets.ENVIRONMENT, stage).build();
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
