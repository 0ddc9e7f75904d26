package dev.preflight.env.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Redis connection given as separate variables rather than a URL, as Laravel, Spring
 * ({@code SPRING_DATA_REDIS_*}), BullMQ and most Node samples write it: {@code REDIS_HOST},
 * {@code REDIS_PORT}, {@code REDIS_PASSWORD}, and a TLS switch ({@code REDIS_TLS}, {@code REDIS_SSL},
 * {@code REDIS_USE_TLS}, or {@code REDIS_SCHEME=tls}). Laravel's {@code REDIS_PASSWORD=null} means
 * no password.
 *
 * @param hostVariable the host's variable, as written
 * @param host the host
 * @param passwordVariable the password's variable, as written, or the first candidate name when unset
 * @param password the password; empty when unset, empty or {@code null}
 * @param tlsVariable the TLS switch's variable, or empty when none is set
 * @param tls whether TLS is on; empty when the switch is set to something unreadable
 * @since 0.1
 */
public record RedisParts(String hostVariable, String host, String passwordVariable, Optional<String> password,
        Optional<String> tlsVariable, Optional<Boolean> tls) {
    private static final List<String> HOSTS = List.of("REDIS_HOST", "SPRING_DATA_REDIS_HOST", "SPRING_REDIS_HOST");
    private static final List<String> PASSWORDS = List.of("REDIS_PASSWORD", "REDIS_PASS", "REDIS_AUTH",
            "SPRING_DATA_REDIS_PASSWORD", "SPRING_REDIS_PASSWORD");
    private static final List<String> TLS = List.of("REDIS_TLS", "REDIS_SSL", "REDIS_USE_TLS", "REDIS_USE_SSL",
            "REDIS_TLS_ENABLED", "SPRING_DATA_REDIS_SSL_ENABLED", "SPRING_REDIS_SSL");

    /** @return the host variables read, for "looked for" messages */
    public static List<String> hostNames() {
        return HOSTS;
    }

    /**
     * @param variables the file's variables
     * @return the connection, when a Redis host variable is set and not empty
     */
    public static Optional<RedisParts> of(Map<String, String> variables) {
        Optional<Map.Entry<String, String>> host = first(variables, HOSTS).filter(e -> !e.getValue().isEmpty());
        if (host.isEmpty()) {
            return Optional.empty();
        }
        Optional<Map.Entry<String, String>> password = first(variables, PASSWORDS);
        Optional<String> passwordValue = password.map(Map.Entry::getValue)
                .filter(p -> !p.isEmpty() && !p.equalsIgnoreCase("null"));
        Optional<Map.Entry<String, String>> tls = first(variables, TLS);
        Optional<Boolean> tlsOn;
        Optional<String> tlsVariable;
        if (tls.isPresent()) {
            tlsVariable = Optional.of(tls.get().getKey());
            tlsOn = Flags.parse(tls.get().getValue());
        } else {
            Optional<Map.Entry<String, String>> scheme = first(variables, List.of("REDIS_SCHEME"));
            tlsVariable = scheme.map(Map.Entry::getKey);
            tlsOn = Optional.of(scheme.map(e -> e.getValue().toLowerCase(Locale.ROOT))
                    .map(s -> s.equals("tls") || s.equals("rediss") || s.equals("ssl")).orElse(false));
        }
        return Optional.of(new RedisParts(host.get().getKey(), host.get().getValue(),
                password.map(Map.Entry::getKey).orElse(PASSWORDS.get(0)), passwordValue, tlsVariable, tlsOn));
    }

    private static Optional<Map.Entry<String, String>> first(Map<String, String> variables, List<String> names) {
        Map<String, String> found = Variables.named(variables, names);
        return names.stream().flatMap(n -> found.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(n)))
                .findFirst();
    }
}
