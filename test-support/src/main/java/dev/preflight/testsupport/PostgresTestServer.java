package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A private PostgreSQL 15 server (the Debian binaries in {@code /usr/lib/postgresql/15/bin}) on a
 * free port of {@code 127.0.0.1}, with its data directory, unix socket, WAL archive and log in a
 * fresh temporary directory; {@link #close()} stops exactly the process it started (a fast
 * shutdown, by pid, never by name) and deletes the directory.
 *
 * <pre>{@code
 * HeldCertificate leaf = TestCertificates.builder("localhost").ipAddresses("127.0.0.1").build();
 * try (PostgresTestServer postgres = PostgresTestServer.builder()
 *         .hba("hostssl all all 127.0.0.1/32 scram-sha-256")
 *         .ssl(leaf)
 *         .superuserPassword("s3cret")
 *         .archiveToDirectory()
 *         .database("app")
 *         .initSql("app", "CREATE ROLE monitor LOGIN PASSWORD 'm0n'; GRANT pg_monitor TO monitor;")
 *         .start();
 *      PostgresTestServer replica = PostgresTestServer.builder().replicaOf(postgres).start()) {
 *     String url = postgres.jdbcUrl("app") + "?sslmode=require";
 *     postgres.execute("SELECT pg_switch_wal()");
 * }
 * }</pre>
 *
 * <p>Each server starts from a copy of one initdb'd data directory per JVM (superuser
 * {@value #SUPERUSER}, UTF-8, C locale), then appends its own lines to {@code postgresql.conf} and
 * writes its own {@code pg_hba.conf}. Every other setting keeps PostgreSQL's default, so probes see
 * what a fresh production install has. The server's own {@link #execute(String, String) psql}
 * reaches the superuser over the private unix socket through two {@code local ... peer} lines that
 * always head {@code pg_hba.conf} (probes reading {@code pg_hba_file_rules} see them); the lines
 * given to {@link Builder#hba} follow them. When the JVM runs as root, the server runs as the
 * system user {@code postgres} (initdb and postgres refuse root) and owns the temporary directory;
 * otherwise it runs as the JVM's user. {@link #isAvailable()} tells tests whether PostgreSQL is
 * installed, and {@link #assumeAvailable()} skips a test without it. Thread-safe once started.
 *
 * <p>Measured on a 2-core build machine. Idle: initdb 1.2 s, the copy 0.1 s, postgres ready 0.25 s
 * after it is started. Shared with other builds (load average 15 to 20): the first {@code start()}
 * in a JVM 2.7 to 7.5 s (initdb 4.5 to 5.4 s, the copy 0.3 to 1 s); later ones 1 to 1.7 s, plus
 * 0.1 to 0.15 s per {@code psql} run (the password, each database, each init script); a replica
 * 3 to 4.4 s; {@code close()} 0.35 to 0.7 s, of which the fast shutdown takes 0.2 to 0.3 s and
 * deleting the directory most of the rest (1.2 to 2.7 s for a replica or a primary that had one,
 * whose WAL has grown). WAL switched to a succeeding or failing {@code archive_command} shows in
 * {@code pg_stat_archiver} 0.1 s later.
 *
 * @since 0.1
 */
public final class PostgresTestServer implements AutoCloseable {
    /** The superuser's name: {@code postgres}. */
    public static final String SUPERUSER = "postgres";

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final PrivateProcess postgres;
    private final int port;

    private PostgresTestServer(PrivateProcess postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** @return a builder for a private PostgreSQL server */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether initdb and postgres exist ({@code $POSTGRES_BIN} or {@code /usr/lib/postgresql/15/bin}) */
    public static boolean isAvailable() {
        return Files.isExecutable(PostgresInstallation.bin().resolve("postgres"))
                && Files.isExecutable(PostgresInstallation.bin().resolve("initdb"));
    }

    /**
     * Skips the calling test unless PostgreSQL is installed or {@value Servers#REQUIRE_SERVERS} is set.
     *
     * @see Servers#assumeAvailable
     */
    public static void assumeAvailable() {
        Servers.assumeAvailable(PostgresInstallation.bin().resolve("postgres"), "PostgreSQL 15");
    }

    /** @return {@code 127.0.0.1}, the only address it listens on */
    public String host() {
        return FreePorts.LOOPBACK.getHostAddress();
    }

    /** @return the TCP port on {@link #host()} */
    public int port() {
        return port;
    }

    /**
     * @param database a database name, e.g. {@code postgres} or one made by {@link Builder#database}
     * @return {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE}, without credentials or SSL parameters
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port + "/" + database;
    }

    /** @return the data directory ({@code PGDATA}) */
    public Path dataDirectory() {
        return postgres.directory().resolve("data");
    }

    /** @return the directory of the server's unix socket */
    public Path socketDirectory() {
        return postgres.directory().resolve("socket");
    }

    /** @return where {@link Builder#archiveToDirectory()} archives WAL files; it exists, empty or not */
    public Path archiveDirectory() {
        return postgres.directory().resolve("archive");
    }

    /** @return the private directory: data, socket, archive and the log */
    public Path directory() {
        return postgres.directory();
    }

    /** @return the postmaster; its descendants are the server's other processes and backends */
    public ProcessHandle process() {
        return postgres.handle();
    }

    /** @return what the server logged so far (its standard error) */
    public String log() {
        return postgres.log();
    }

    /**
     * Runs SQL as the superuser in the {@code postgres} database.
     *
     * @param sql one or more statements, or psql commands such as {@code \connect}
     * @return the rows printed, one per line, columns separated by {@code |}, without a trailing newline
     * @throws IOException at the first failing statement, with psql's message, or after 30 s
     */
    public String execute(String sql) throws IOException {
        return execute("postgres", sql);
    }

    /**
     * Runs SQL as the superuser with {@code psql} over the private unix socket. The SQL goes in on
     * standard input, so passwords in it appear in no command line.
     *
     * @param database the database to connect to
     * @param sql one or more statements, each committed on its own
     * @return the rows printed, one per line, columns separated by {@code |}, without a trailing newline
     * @throws IOException at the first failing statement, with psql's message, or after 30 s
     */
    public String execute(String database, String sql) throws IOException {
        List<String> psql = List.of(PostgresInstallation.binary("psql"), "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-h", socketDirectory().toString(), "-p", String.valueOf(port),
                "-U", SUPERUSER, "-d", database, "-f", "-");
        // Rows in UTF-8, as Java reads them, whatever the locale.
        Map<String, String> environment = Map.of("PGCONNECT_TIMEOUT", "10", "PGCLIENTENCODING", "UTF8");
        String output = Commands.run(psql, postgres.directory(), sql, environment, COMMAND_TIMEOUT);
        return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
    }

    /**
     * Stops the server with a fast shutdown (SIGINT: sessions are ended, a checkpoint is written),
     * waits for it and its backends, and deletes the private directory.
     */
    @Override
    public void close() {
        ProcessHandle handle = postgres.handle();
        if (handle.isAlive()) {
            try {
                // SIGTERM, all PrivateProcess can send, is the smart shutdown, which waits for every
                // session to end: a test's leftover connection would hold it up.
                Commands.run(List.of("/bin/sh", "-c", "kill -INT " + handle.pid()), postgres.directory(), "",
                        Map.of(), Duration.ofSeconds(5));
            } catch (IOException e) {
                // Then SIGTERM and, after the grace period, SIGKILL.
            }
        }
        postgres.close();
    }

    /**
     * Configures a {@link PostgresTestServer}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final PostgresConfig config = new PostgresConfig();
        private String superuserPassword;
        private final List<String> databases = new ArrayList<>();
        private final List<Script> scripts = new ArrayList<>();
        private PostgresTestServer primary;
        private boolean dataChecksums;
        private Duration startTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * A line for {@code postgresql.conf}, after the server's own, so it wins over them and over
         * the defaults; a later call for the same name replaces an earlier one.
         *
         * @param name a setting, e.g. {@code archive_mode}; not {@code port}, {@code listen_addresses}
         *     or {@code unix_socket_directories}, which the server sets itself
         * @param value its value, written single-quoted (any quote in it doubled); {@code ${dir}} in it
         *     stands for the private directory
         * @return this builder
         */
        public Builder setting(String name, String value) {
            config.setting(name, value);
            return this;
        }

        /**
         * Archives WAL into {@link PostgresTestServer#archiveDirectory()}, successfully:
         * {@code archive_mode = on} and PostgreSQL's documented {@code test ! -f DIR/%f && cp %p DIR/%f}.
         * Archiving runs in the background: after {@code SELECT pg_switch_wal()}, poll
         * {@code pg_stat_archiver} for a while.
         *
         * @return this builder
         */
        public Builder archiveToDirectory() {
            config.setting("archive_mode", "on");
            config.setting("archive_command", "test ! -f ${dir}/archive/%f && cp %p ${dir}/archive/%f");
            return this;
        }

        /**
         * Turns archiving on with a command that always fails ({@code /bin/false}): after
         * {@code SELECT pg_switch_wal()}, {@code pg_stat_archiver.failed_count} grows.
         *
         * @return this builder
         */
        public Builder archiveFailing() {
            config.setting("archive_mode", "on");
            config.setting("archive_command", "/bin/false");
            return this;
        }

        /**
         * Replaces the default host lines of {@code pg_hba.conf} (trust for every database, and for
         * replication, from {@code 127.0.0.1/32}). The server's own two {@code local ... peer} lines
         * for the superuser stay first.
         *
         * @param lines e.g. {@code host all all 127.0.0.1/32 scram-sha-256} or {@code hostssl all all
         *     127.0.0.1/32 trust}
         * @return this builder
         */
        public Builder hba(String... lines) {
            config.hba(List.of(lines));
            return this;
        }

        /**
         * Turns SSL on ({@code ssl = on}) with this certificate, written to the data directory as
         * {@code server.crt} and {@code server.key} (mode 0600, owned by the server's user).
         *
         * @param leaf the server's certificate and key
         * @param intermediates certificates sent after it, in order
         * @return this builder
         */
        public Builder ssl(HeldCertificate leaf, HeldCertificate... intermediates) {
            config.ssl(leaf, List.of(intermediates));
            return this;
        }

        /**
         * @param password the {@value #SUPERUSER} role's password, stored as SCRAM-SHA-256 (the
         *     default {@code password_encryption}); without one, the role has none
         * @return this builder
         */
        public Builder superuserPassword(String password) {
            this.superuserPassword = password;
            return this;
        }

        /** @param name a database to create, owned by the superuser, before the init scripts run @return this builder */
        public Builder database(String name) {
            databases.add(name);
            return this;
        }

        /** @param sql statements run as the superuser in the {@code postgres} database once started @return this builder */
        public Builder initSql(String sql) {
            return initSql("postgres", sql);
        }

        /**
         * Statements to run once the server is ready, as the superuser, in the order given: roles,
         * grants, tables such as Flyway's {@code flyway_schema_history} or Prisma's
         * {@code _prisma_migrations}.
         *
         * @param database the database to run them in
         * @param sql the statements, as for {@link PostgresTestServer#execute(String, String)}
         * @return this builder
         */
        public Builder initSql(String database, String sql) {
            scripts.add(new Script(database, sql));
            return this;
        }

        /**
         * Makes this server a streaming replica (hot standby) of {@code primary}: its data directory is
         * {@code pg_basebackup -R} of the primary's, taken over the primary's unix socket, with the
         * replica's own {@code postgresql.conf} lines and {@code pg_hba.conf}. {@code start()} returns
         * once it streams. The primary's {@code pg_stat_replication} then has a row in state
         * {@code streaming}, with no {@code client_addr} (a unix socket). A replica is read-only: no
         * password, database or init script.
         *
         * @param primary a running server of this JVM
         * @return this builder
         */
        public Builder replicaOf(PostgresTestServer primary) {
            this.primary = primary;
            return this;
        }

        /**
         * @param enabled whether initdb turns data checksums on (then {@code SHOW data_checksums} is
         *     {@code on}); default off, as initdb's own default; ignored for a replica, which has its
         *     primary's
         * @return this builder
         */
        public Builder dataChecksums(boolean enabled) {
            this.dataChecksums = enabled;
            return this;
        }

        /** @param timeout how long to wait for the server to accept connections; default 60 s @return this builder */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Prepares the data directory, starts the server, waits until it accepts connections (and,
         * for a replica, streams), then sets the password, creates the databases and runs the init
         * scripts.
         *
         * @return the running server
         * @throws IOException if PostgreSQL is missing, rejects its configuration, does not start in
         *     time, or a script fails; the message carries the server's log or psql's message
         * @throws IllegalStateException if a replica is given a password, database or script
         */
        public PostgresTestServer start() throws IOException {
            if (primary != null && (superuserPassword != null || !databases.isEmpty() || !scripts.isEmpty())) {
                throw new IllegalStateException("a replica is read-only: set passwords, databases and "
                        + "init scripts on its primary");
            }
            PostgresTestServer server = FreePorts.retryIfTaken(this::startOnce);
            try {
                if (superuserPassword != null) {
                    server.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + PostgresConfig.literal(superuserPassword));
                }
                for (String database : databases) {
                    server.execute("CREATE DATABASE " + PostgresConfig.identifier(database));
                }
                for (Script script : scripts) {
                    server.execute(script.database(), script.sql());
                }
                return server;
            } catch (IOException | RuntimeException e) {
                server.close();
                throw e;
            }
        }

        private PostgresTestServer startOnce() throws IOException {
            int port = FreePorts.tcp();
            PrivateProcess postgres = PrivateProcess.builder("postgres").start(dir -> {
                PostgresInstallation.own(dir);
                for (String sub : List.of("socket", "archive")) {
                    PostgresInstallation.own(Files.createDirectory(dir.resolve(sub)));
                }
                Path data = dir.resolve("data");
                if (primary == null) {
                    // As this JVM's user: cp -a run by root keeps the files' owner, postgres.
                    Commands.run(List.of("/bin/cp", "-a", PostgresTemplate.data(dataChecksums).toString(),
                            data.toString()), dir, "", Map.of(), startTimeout);
                } else {
                    PostgresReplication.baseBackup(primary, dir, data, startTimeout);
                    // Back to the defaults: the copy brought the primary's own lines.
                    Files.writeString(data.resolve("postgresql.conf"), PostgresTemplate.defaultConfig(),
                            StandardCharsets.UTF_8);
                }
                config.write(dir, data, port, primary != null);
                return PostgresInstallation.asServerUser(List.of(PostgresInstallation.binary("postgres"),
                        "-D", data.toString()));
            });
            PostgresTestServer server = new PostgresTestServer(postgres, port);
            PrivateProcess.Readiness listening = PrivateProcess.Readiness.listening(List.of(port));
            postgres.awaitReady(startTimeout, "accepting connections on port " + port,
                    () -> server.pidFileSaysReady() && listening.ready());
            if (primary != null) {
                try {
                    PostgresReplication.awaitStreaming(server, startTimeout);
                } catch (IOException | RuntimeException e) {
                    server.close();
                    throw e;
                }
            }
            return server;
        }

        private record Script(String database, String sql) {
        }
    }

    private boolean pidFileSaysReady() {
        // The postmaster's status, the eighth line of postmaster.pid: "ready" once it accepts
        // connections, read-only ones too for a hot standby; "starting" until then.
        try {
            List<String> lines = Files.readAllLines(dataDirectory().resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() >= 8 && lines.get(7).strip().equals("ready");
        } catch (IOException e) {
            // Not written yet, or being rewritten.
            return false;
        }
    }
}
