package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One initdb'd, stopped data directory per JVM (and per data-checksums choice), which each
 * {@link PostgresTestServer} copies ({@code cp -a}, about 0.1 s) instead of running initdb (about
 * 1.2 s) again. It lives in a temporary directory deleted when the JVM exits. Thread-safe.
 */
final class PostgresTemplate {
    private static final Map<Boolean, Path> DATA = new HashMap<>();

    private PostgresTemplate() {
    }

    /**
     * @return the {@code postgresql.conf} initdb wrote: PostgreSQL's defaults, all commented out but
     *     for a few initdb chose for this machine
     * @throws IOException if no template exists yet and initdb fails
     */
    static synchronized String defaultConfig() throws IOException {
        Path data = DATA.isEmpty() ? data(false) : DATA.values().iterator().next();
        return Files.readString(data.resolve("postgresql.conf"), StandardCharsets.UTF_8);
    }

    /**
     * @param dataChecksums whether the cluster has data checksums (fixed by initdb)
     * @return the template's data directory: owned by the server's user, never started
     * @throws IOException if initdb fails; the message carries its output
     */
    static synchronized Path data(boolean dataChecksums) throws IOException {
        Path existing = DATA.get(dataChecksums);
        if (existing != null) {
            return existing;
        }
        Path dir = Files.createTempDirectory("preflight-postgres-template-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PrivateProcess.deleteRecursively(dir),
                "postgres-template-cleanup"));
        PostgresInstallation.own(dir);
        Path data = dir.resolve("data");
        // Trust for every connection here: each server writes its own pg_hba.conf over it. The C
        // locale keeps messages in English (the tests read them) and sorting the same on every machine.
        List<String> initdb = List.of(PostgresInstallation.binary("initdb"), "-D", data.toString(),
                "-U", PostgresTestServer.SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C",
                "--no-sync", "--no-instructions");
        if (dataChecksums) {
            initdb = new ArrayList<>(initdb);
            initdb.add("--data-checksums");
        }
        Commands.run(PostgresInstallation.asServerUser(initdb), dir, "", Map.of(), Duration.ofSeconds(60));
        DATA.put(dataChecksums, data);
        return data;
    }
}
