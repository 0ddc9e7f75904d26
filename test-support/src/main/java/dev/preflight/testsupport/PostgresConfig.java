package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files a {@link PostgresTestServer} writes into its data directory: its lines appended to
 * {@code postgresql.conf}, {@code pg_hba.conf}, {@code pg_ident.conf}, and the SSL certificate and
 * key. Not thread-safe.
 */
final class PostgresConfig {
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");
    private static final Set<String> OWN_SETTINGS = Set.of("port", "listen_addresses", "unix_socket_directories");
    private static final List<String> DEFAULT_HBA = List.of(
            "host all all 127.0.0.1/32 trust",
            "host replication all 127.0.0.1/32 trust");

    private final Map<String, String> settings = new LinkedHashMap<>();
    private List<String> hba = DEFAULT_HBA;
    private HeldCertificate sslLeaf;
    private List<HeldCertificate> sslIntermediates = List.of();

    void setting(String name, String value) {
        if (!SETTING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a setting name: '" + name + "'");
        }
        if (OWN_SETTINGS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is set by the test server itself");
        }
        settings.remove(name);
        settings.put(name, value);
    }

    void hba(List<String> lines) {
        this.hba = List.copyOf(lines);
    }

    void ssl(HeldCertificate leaf, List<HeldCertificate> intermediates) {
        this.sslLeaf = leaf;
        this.sslIntermediates = List.copyOf(intermediates);
    }

    /**
     * @param dir the private directory, for {@code ${dir}} and the socket
     * @param data the data directory, initdb'd or a base backup, with its files owned by the server's user
     * @param port the TCP port
     * @param replica whether the data directory is a fresh base backup
     * @throws IOException if a file cannot be written
     */
    void write(Path dir, Path data, int port, boolean replica) throws IOException {
        StringBuilder conf = new StringBuilder("\n# Preflight test server: these lines come last, so they win.\n")
                .append("listen_addresses = '127.0.0.1'\n")
                .append("port = ").append(port).append('\n')
                .append("unix_socket_directories = ").append(confString(dir.resolve("socket").toString())).append('\n');
        if (sslLeaf != null) {
            writeSslFiles(data);
            conf.append("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
        } else {
            conf.append("ssl = off\n");
        }
        if (replica) {
            // A base backup starts as a crashed cluster, and the default 'fsync' method syncs every
            // file first: about 2 s here, against 0.1 s for one syncfs() call.
            conf.append("recovery_init_sync_method = 'syncfs'\n");
        }
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            conf.append(setting.getKey()).append(" = ")
                    .append(confString(setting.getValue().replace("${dir}", dir.toString()))).append('\n');
        }
        Files.writeString(data.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        // peer for the superuser on the private socket: what Debian's own pg_hba.conf starts with,
        // mapped so this JVM's user (psql) and the server's user (pg_basebackup, a replica's WAL
        // receiver) may both act as the superuser.
        StringBuilder hbaFile = new StringBuilder("# Preflight test server: the server's own psql and replicas.\n")
                .append("local all ").append(PostgresTestServer.SUPERUSER).append(" peer map=preflight\n")
                .append("local replication ").append(PostgresTestServer.SUPERUSER).append(" peer map=preflight\n")
                .append("# The test's lines.\n");
        hba.forEach(line -> hbaFile.append(line).append('\n'));
        Files.writeString(data.resolve("pg_hba.conf"), hbaFile, StandardCharsets.UTF_8);
        Set<String> systemUsers = new LinkedHashSet<>(List.of(System.getProperty("user.name"),
                PostgresInstallation.serverUser()));
        StringBuilder ident = new StringBuilder();
        systemUsers.forEach(user -> ident.append("preflight ").append(user).append(' ')
                .append(PostgresTestServer.SUPERUSER).append('\n'));
        Files.writeString(data.resolve("pg_ident.conf"), ident, StandardCharsets.UTF_8);
    }

    private void writeSslFiles(Path data) throws IOException {
        StringBuilder chain = new StringBuilder(sslLeaf.certificatePem());
        sslIntermediates.forEach(intermediate -> chain.append(intermediate.certificatePem()));
        Path certificate = data.resolve("server.crt");
        Path key = data.resolve("server.key");
        Files.writeString(certificate, chain, StandardCharsets.US_ASCII);
        Files.writeString(key, sslLeaf.privateKeyPem(), StandardCharsets.US_ASCII);
        // PostgreSQL refuses a key that its owner's group or others may read.
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        PostgresInstallation.own(certificate, key);
    }

    /** @return {@code value} as a single-quoted postgresql.conf string, where a backslash escapes */
    static String confString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** @return {@code value} as a SQL string literal ({@code standard_conforming_strings} is on by default) */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** @return {@code name} as a double-quoted SQL identifier */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
