package dev.preflight.db.redis.internal;

import java.util.Locale;
import java.util.Set;

/**
 * The only commands the Redis probes send, so that no write can slip in: the probes read, they never
 * change data or configuration. {@code ACL DRYRUN} asks whether a user could run a command without
 * running it (Redis 7); {@code HELLO 2} keeps the protocol the connection already speaks.
 */
final class ReadOnlyCommands {
    private static final Set<String> SINGLE = Set.of("PING", "AUTH", "INFO");
    private static final Set<String> WITH_SUBCOMMAND = Set.of("CONFIG GET", "ACL WHOAMI", "ACL GETUSER",
            "ACL DRYRUN", "COMMAND INFO", "HELLO 2");

    private ReadOnlyCommands() {
    }

    /**
     * @param args a command and its arguments
     * @throws IllegalArgumentException if it is not one of the read-only commands above: a bug
     */
    static void require(String... args) {
        String name = args[0].toUpperCase(Locale.ROOT);
        String pair = args.length > 1 ? name + " " + args[1].toUpperCase(Locale.ROOT) : name;
        if (!SINGLE.contains(name) && !WITH_SUBCOMMAND.contains(pair)) {
            throw new IllegalArgumentException("not a read-only command of the Redis probes: " + name);
        }
    }
}
