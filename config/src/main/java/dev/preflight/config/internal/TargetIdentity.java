package dev.preflight.config.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
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
        TargetKind kind = t.kind();
        String id;
        if (kind.equals(TargetKind.DOMAIN)) {
            id = t.attribute("domain").map(d -> d.toLowerCase(Locale.ROOT)).orElse(t.name());
        } else if (kind.equals(TargetKind.STRIPE)) {
            id = t.secret("secret-key").map(Secret::reveal).orElse(t.name());
        } else if (kind.equals(TargetKind.RAZORPAY)) {
            id = t.attribute("key-id").orElse(t.name());
        } else if (kind.equals(TargetKind.ENV)) {
            id = t.attribute(EnvTargets.SOURCE).map(s -> Path.of(s).toAbsolutePath().normalize().toString())
                    .orElse(t.name());
        } else {
            // Web, database and mail servers, and any kind of a module's own: the URL names the thing.
            id = t.uri().map(u -> u.toString().replaceAll("/+$", "")).orElse(t.name());
        }
        return kind.label() + " " + id;
    }
}
