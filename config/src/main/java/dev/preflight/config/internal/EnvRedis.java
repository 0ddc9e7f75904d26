package dev.preflight.config.internal;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Redis server an environment file gives as parts rather than a URL, as Laravel and most Node
 * samples do: {@code REDIS_HOST}, {@code REDIS_PORT}, {@code REDIS_PASSWORD} (Laravel's {@code null}
 * means none), {@code REDIS_USERNAME}, and {@code REDIS_TLS} or {@code REDIS_SCHEME=tls} for
 * {@code rediss://}.
 */
final class EnvRedis {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");

    private EnvRedis() {
    }

    /** @return the {@code REDIS_HOST} target, when that host is set; empty when its port is not a number */
    static Optional<Target.Builder> fromParts(Dotenv env) {
        Optional<String> host = env.value("REDIS_HOST");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String port = env.value("REDIS_PORT").orElse("6379");
        if (!port.matches("\\d{1,5}")) {
            // The env.* probes report the file; a target cannot be made of it.
            return Optional.empty();
        }
        boolean tls = env.value("REDIS_TLS").map(v -> TRUE.contains(v.toLowerCase(Locale.ROOT))).orElse(false)
                || env.value("REDIS_SCHEME").map(s -> s.equalsIgnoreCase("tls") || s.equalsIgnoreCase("rediss"))
                        .orElse(false);
        Optional<String> password = env.value("REDIS_PASSWORD").filter(p -> !p.equalsIgnoreCase("null"));
        String user = env.value("REDIS_USERNAME").filter(u -> !u.equalsIgnoreCase("null")).map(EnvRedis::encode).orElse("");
        String userInfo = password.map(p -> user + ":" + encode(p) + "@").orElse(user.isEmpty() ? "" : user + "@");
        return Urls.tryParse((tls ? "rediss" : "redis") + "://" + userInfo + host.get() + ":" + port)
                .map(uri -> Target.builder("REDIS_HOST", TargetKind.REDIS).uri(uri)
                        .attribute(EnvTargets.SOURCE, env.source("REDIS_HOST")));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
