package dev.preflight.db.postgres.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line that restores a dump into a database: {@code pg_restore --no-owner
 * --no-privileges --exit-on-error} for custom, directory and tar dumps, {@code psql -X -o /dev/null
 * ON_ERROR_STOP=1 -f} for plain SQL. The password goes in {@code PGPASSWORD}, never on the command
 * line. Immutable.
 *
 * @param words the program and its arguments
 * @param environment the variables the program needs
 */
public record RestoreCommand(List<String> words, Map<String, String> environment) {

    /**
     * @param binDirectory where {@code pg_restore} and {@code psql} are; empty for the PATH
     * @param format the dump's format, as {@link DumpReader} names it, without {@code gzip+}
     * @param dump the dump (a plain one decompressed)
     * @param server the scratch server
     * @param database the scratch database
     * @param connectSeconds libpq's connect timeout
     * @return the command
     * @throws IllegalArgumentException for a format that cannot be restored
     */
    public static RestoreCommand of(String binDirectory, String format, Path dump, PostgresUrl server, String database,
            long connectSeconds) {
        List<String> words = new ArrayList<>();
        String prefix = binDirectory.isEmpty() ? "" : Path.of(binDirectory) + "/";
        List<String> connection = List.of("-h", server.host(), "-p", String.valueOf(server.port()), "-U",
                server.user(), "-d", database);
        switch (format) {
            case "custom", "directory", "tar" -> {
                words.add(prefix + "pg_restore");
                words.addAll(List.of("--no-owner", "--no-privileges", "--exit-on-error"));
                words.addAll(connection);
                words.add(dump.toString());
            }
            case "plain" -> {
                words.add(prefix + "psql");
                // -o /dev/null: a plain dump's SELECTs (set_config, setval) print rows nobody reads.
                words.addAll(List.of("-X", "-q", "-o", "/dev/null", "-v", "ON_ERROR_STOP=1"));
                words.addAll(connection);
                words.addAll(List.of("-f", dump.toString()));
            }
            default -> throw new IllegalArgumentException("a " + format + " dump cannot be restored");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        server.password().ifPresent(p -> environment.put("PGPASSWORD", p.reveal()));
        environment.put("PGSSLMODE", server.sslMode());
        environment.put("PGCONNECT_TIMEOUT", String.valueOf(Math.max(2, connectSeconds)));
        environment.put("PGAPPNAME", "preflight restore drill");
        return new RestoreCommand(List.copyOf(words), Map.copyOf(environment));
    }

    /** @return the command line, for reading: it holds no password */
    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
