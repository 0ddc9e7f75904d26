package dev.preflight.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Where the real servers' binaries are, and whether a test that needs one runs. A test whose
 * server is not installed is skipped, visibly, so a developer without nginx or knotd can still
 * build; CI sets {@value #REQUIRE_SERVERS}, and there the test runs and fails instead.
 *
 * <pre>{@code
 * @BeforeAll
 * static void needsRedis() {
 *     Servers.assumeAvailable(Servers.binary("REDIS_SERVER", Paths.get("/usr/bin/redis-server")), "redis-server");
 * }
 * }</pre>
 *
 * <p>Thread-safe: every method is static and reads the environment on each call.
 *
 * @since 0.1
 */
public final class Servers {
    /** The environment variable that, set to anything, makes a missing server fail tests instead of skipping them. */
    public static final String REQUIRE_SERVERS = "PREFLIGHT_REQUIRE_SERVERS";

    private Servers() {
    }

    /**
     * @param environmentVariable names a binary's path that overrides the default, e.g. {@code NGINX}
     * @param defaultPath the Debian package's path, e.g. {@code /usr/sbin/nginx}
     * @return the variable's value if set and not blank, else {@code defaultPath}
     */
    public static Path binary(String environmentVariable, Path defaultPath) {
        String configured = System.getenv(environmentVariable);
        return configured != null && !configured.isBlank() ? Paths.get(configured) : defaultPath;
    }

    /** @return whether {@value #REQUIRE_SERVERS} is set: missing servers must fail, not skip */
    public static boolean required() {
        return System.getenv(REQUIRE_SERVERS) != null;
    }

    /**
     * Skips the calling test (a failed JUnit assumption) when {@code binary} is not an executable
     * file, unless {@link #required()}.
     *
     * @param binary the server's binary, e.g. from {@link #binary}
     * @param name the server's name for the skip message, e.g. {@code nginx}
     * @throws org.opentest4j.TestAbortedException to skip the test
     */
    public static void assumeAvailable(Path binary, String name) {
        assumeTrue(Files.isExecutable(binary) || required(), () -> name + " is not installed (" + binary + ")");
    }
}
