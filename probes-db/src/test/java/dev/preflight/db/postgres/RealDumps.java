package dev.preflight.db.postgres;

import dev.preflight.testsupport.PostgresTestServer;
import dev.preflight.testsupport.Servers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Dumps made by the real {@code pg_dump} of PostgreSQL 15 from a private test server, over TCP as
 * its superuser, the password given in {@code PGPASSWORD}.
 */
final class RealDumps {
    static final String SUPERUSER_PASSWORD = "dump-S3cret";
    /** Two tables, three rows in {@code orders}. */
    static final String SCHEMA = "CREATE TABLE customers (id int PRIMARY KEY, name text);"
            + " CREATE TABLE orders (id int PRIMARY KEY, customer int REFERENCES customers);"
            + " INSERT INTO customers VALUES (1, 'ada');"
            + " INSERT INTO orders VALUES (1, 1), (2, 1), (3, 1);";
    static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private RealDumps() {
    }

    /** @return a server with database {@code shop}, {@link #SCHEMA} in it, and password logins over TCP */
    static PostgresTestServer.Builder shop() {
        return PostgresTestServer.builder().hba("host all all 127.0.0.1/32 scram-sha-256")
                .superuserPassword(SUPERUSER_PASSWORD).database("shop").initSql("shop", SCHEMA);
    }

    /**
     * @param server the server
     * @param format pg_dump's {@code -F} letter: c, p, d or t
     * @param output the file (or directory) to write
     * @return the output
     */
    static Path dump(PostgresTestServer server, String format, Path output) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BIN.resolve("pg_dump").toString(), "-h", server.host(),
                "-p", String.valueOf(server.port()), "-U", PostgresTestServer.SUPERUSER, "-F", format,
                "-f", output.toString(), "shop"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", SUPERUSER_PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("pg_dump did not finish in 60 s");
        }
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IOException("pg_dump failed: " + log);
        }
        return output;
    }

    static boolean available() {
        return Files.isExecutable(BIN.resolve("pg_dump")) && Files.isExecutable(BIN.resolve("pg_restore"));
    }

    /** Skips the test without PostgreSQL, pg_dump or pg_restore, or fails it where servers are required. */
    static void assumeAvailable() {
        PostgresTestServer.assumeAvailable();
        Servers.assumeAvailable(BIN.resolve("pg_dump"), "pg_dump");
        Servers.assumeAvailable(BIN.resolve("pg_restore"), "pg_restore");
    }

    /**
     * A shop server and its custom and plain dumps, made once for a test class.
     *
     * @param server the server the dumps came from
     * @param custom its {@code pg_dump -Fc} output
     * @param plain its plain SQL dump
     */
    record Made(PostgresTestServer server, Path custom, Path plain) implements AutoCloseable {

        /** @return the server and dumps, or null on a machine without PostgreSQL's binaries */
        static Made inside(Path directory) throws IOException, InterruptedException {
            if (!PostgresTestServer.isAvailable() || !available()) {
                return null;
            }
            PostgresTestServer server = shop().start();
            try {
                return new Made(server, dump(server, "c", directory.resolve("shop.dump")),
                        dump(server, "p", directory.resolve("shop.sql")));
            } catch (IOException | InterruptedException | RuntimeException e) {
                server.close();
                throw e;
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
