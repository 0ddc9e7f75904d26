package dev.preflight.config.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes two targets the same thing to check, so that a target derived from the environment
 * file is dropped when the YAML file (or an earlier variable) already checks it.
 */
final class TargetIdentity {
    private TargetIdentity() {
    }

    /**
     * Appends the targets of {@code more} whose name and identity are both new.
     *
     * @param into the targets so far, in order
     * @param more candidates, in order
     */
    static void appendNew(List<Target> into, List<Target> more) {
        Set<String> names = new HashSet<>();
        Set<String> identities = new HashSet<>();
        into.forEach(t -> {
            names.add(t.name());
            identities.add(of(t));
        });
        for (Target t : more) {
            if (!names.contains(t.name()) && identities.add(of(t))) {
                names.add(t.name());
                into.add(t);
            }
        }
    }

    static String of(Target t) {
        String id = switch (t.kind()) {
            case WEB, POSTGRES, REDIS, SMTP -> t.uri().map(u -> u.toString().replaceAll("/+$", "")).orElse(t.name());
            case DOMAIN -> t.attribute("domain").map(d -> d.toLowerCase(Locale.ROOT)).orElse(t.name());
            case STRIPE -> t.secret("secret-key").map(Secret::reveal).orElse(t.name());
            case RAZORPAY -> t.attribute("key-id").orElse(t.name());
            case ENV -> t.attribute(EnvTargets.SOURCE).map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                    .orElse(t.name());
        };
        return t.kind() + " " + id;
    }
}
