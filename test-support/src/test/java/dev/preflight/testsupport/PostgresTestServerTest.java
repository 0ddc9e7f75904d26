package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresTestServerTest {
    /** The SSLRequest code of the PostgreSQL wire protocol (section 55.2.10 of the PostgreSQL 15 docs). */
    private static final int SSL_REQUEST = 80877103;

    @TempDir
    Path scratch;

    @BeforeAll
    static void needsPostgres() {
        // CI must run this test; elsewhere a missing PostgreSQL skips it visibly rather than failing the build.
        PostgresTestServer.assumeAvailable();
    }

    @Test
    void answersOverTcpWithTheSettingsDatabasesAndInitScriptsGiven() throws IOException {
        try (PostgresTestServer postgres = PostgresTestServer.builder()
                .setting("work_mem", "8MB")
                .setting("cluster_name", "it's \\here")
                .database("app")
                .initSql("app", "CREATE TABLE flyway_schema_history (installed_rank int, version text, success boolean);\n"
                        + "INSERT INTO flyway_schema_history VALUES (1, '1', true), (2, '2', false);")
                .start()) {
            String rows = psqlOverTcp(postgres, "app", null, "disable",
                    "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank");

            assertThat(rows).isEqualTo("1|t\n2|f");
            assertThat(postgres.execute("SHOW work_mem")).isEqualTo("8MB");
            assertThat(postgres.execute("SHOW cluster_name")).isEqualTo("it's \\here");
            assertThat(postgres.execute("SELECT current_setting('server_version_num')::int / 10000")).isEqualTo("15");
            assertThat(postgres.execute("SHOW port")).isEqualTo(String.valueOf(postgres.port()));
            assertThat(postgres.jdbcUrl("app")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/app");
        }
    }

    @Test
    void scramInPgHbaAcceptsOnlyTheSuperusersPassword() throws IOException {
        try (PostgresTestServer postgres = PostgresTestServer.builder()
                .hba("host all all 127.0.0.1/32 scram-sha-256")
                .superuserPassword("s3cret'pw")
                .start()) {
            assertThat(psqlOverTcp(postgres, "postgres", "s3cret'pw", "disable", "SELECT 1")).isEqualTo("1");
            assertThatThrownBy(() -> psqlOverTcp(postgres, "postgres", "wrong", "disable", "SELECT 1"))
                    .hasMessageContaining("password authentication failed for user \"postgres\"");
            assertThat(postgres.execute("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'postgres'"))
                    .isEqualTo("t");
            assertThat(postgres.execute("SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host'"))
                    .isEqualTo("scram-sha-256");
        }
    }

    @Test
    void sslOnAnswersTheSslRequestAndHandshakesWithTheMintedChain() throws Exception {
        HeldCertificate root = TestCertificates.builder("Postgres Test Root").certificateAuthority(1).ecP256().build();
        HeldCertificate intermediate = TestCertificates.builder("Postgres Test Intermediate").certificateAuthority(0)
                .ecP256().signedBy(root).build();
        HeldCertificate leaf = TestCertificates.builder("localhost").ipAddresses("127.0.0.1").ecP256()
                .signedBy(intermediate).build();
        try (PostgresTestServer postgres = PostgresTestServer.builder()
                .ssl(leaf, intermediate)
                .hba("hostssl all all 127.0.0.1/32 trust")
                .start()) {
            Socket socket = sslRequest(postgres.port());
            assertThat(socket.getInputStream().read()).isEqualTo('S');
            SSLSocket tls = (SSLSocket) root.trustingContext().getSocketFactory().createSocket(socket, "127.0.0.1",
                    postgres.port(), true);
            tls.startHandshake();

            assertThat(tls.getSession().getPeerCertificates()).containsExactly(leaf.certificate(),
                    intermediate.certificate());
            tls.close();
            Path key = postgres.dataDirectory().resolve("server.key");
            assertThat(Files.getPosixFilePermissions(key))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getOwner(key).getName()).isEqualTo(PostgresInstallation.serverUser());
            assertThat(psqlOverTcp(postgres, "postgres", null, "require", "SHOW ssl")).isEqualTo("on");
            assertThatThrownBy(() -> psqlOverTcp(postgres, "postgres", null, "disable", "SELECT 1"))
                    .hasMessageContaining("no encryption");
        }
    }

    @Test
    void sslOffAnswersTheSslRequestWithN() throws IOException {
        try (PostgresTestServer postgres = PostgresTestServer.builder().start();
                Socket socket = sslRequest(postgres.port())) {
            assertThat(socket.getInputStream().read()).isEqualTo('N');
            assertThat(postgres.execute("SHOW ssl")).isEqualTo("off");
        }
    }

    @Test
    void archivingToTheDirectorySucceedsAndToBinFalseFails() throws Exception {
        try (PostgresTestServer succeeding = PostgresTestServer.builder().archiveToDirectory().start();
                PostgresTestServer failing = PostgresTestServer.builder().archiveFailing().start();
                PostgresTestServer off = PostgresTestServer.builder().start()) {
            for (PostgresTestServer server : List.of(succeeding, failing, off)) {
                server.execute("CREATE TABLE t AS SELECT 1 AS x; SELECT pg_switch_wal();");
            }

            // Archiving runs in the background, after the switch.
            assertThat(poll(succeeding, "SELECT archived_count > 0 FROM pg_stat_archiver")).isTrue();
            assertThat(poll(failing, "SELECT failed_count > 0 FROM pg_stat_archiver")).isTrue();
            try (var files = Files.list(succeeding.archiveDirectory())) {
                assertThat(files.map(p -> p.getFileName().toString())).anyMatch(name -> name.matches("[0-9A-F]{24}"));
            }
            assertThat(failing.execute("SELECT archived_count FROM pg_stat_archiver")).isEqualTo("0");
            assertThat(off.execute("SHOW archive_mode")).isEqualTo("off");
        }
    }

    @Test
    void aReplicaStreamsFromItsPrimaryAndIsReadOnly() throws Exception {
        try (PostgresTestServer primary = PostgresTestServer.builder().initSql("CREATE TABLE t (x int)").start();
                PostgresTestServer replica = PostgresTestServer.builder().replicaOf(primary).start()) {
            primary.execute("INSERT INTO t VALUES (42)");

            assertThat(primary.execute("SELECT state FROM pg_stat_replication")).isEqualTo("streaming");
            assertThat(replica.execute("SELECT pg_is_in_recovery()")).isEqualTo("t");
            assertThat(poll(replica, "SELECT count(*) = 1 FROM t")).isTrue();
            assertThat(replica.port()).isNotEqualTo(primary.port());
            assertThatThrownBy(() -> replica.execute("INSERT INTO t VALUES (1)"))
                    .hasMessageContaining("read-only transaction");
            assertThatThrownBy(() -> PostgresTestServer.builder().replicaOf(primary).database("app").start())
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closeStopsThePostmasterAndItsBackendsAndDeletesTheDirectory() throws Exception {
        PostgresTestServer postgres = PostgresTestServer.builder().dataChecksums(true).start();
        ProcessHandle postmaster = postgres.process();
        List<ProcessHandle> children = postmaster.children().toList();
        Path dir = postgres.directory();
        assertThat(postgres.execute("SHOW data_checksums")).isEqualTo("on");
        // A session left open: the fast shutdown ends it instead of waiting for it.
        Socket idle = new Socket(postgres.host(), postgres.port());

        long started = System.nanoTime();
        postgres.close();

        // A smart shutdown (SIGTERM) would wait for that session until PrivateProcess's 5 s grace ran out.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(children).isNotEmpty().noneMatch(ProcessHandle::isAlive);
        assertThat(postmaster.isAlive()).isFalse();
        assertThat(dir).doesNotExist();
        idle.close();
    }

    @Test
    void aRejectedSettingFailsTheStartWithPostgresOwnMessage() {
        assertThatThrownBy(() -> PostgresTestServer.builder().setting("no_such_setting", "1").start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unrecognized configuration parameter \"no_such_setting\"");
        assertThatThrownBy(() -> PostgresTestServer.builder().setting("port", "5432"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String psqlOverTcp(PostgresTestServer postgres, String database, String password, String sslMode,
            String sql) throws IOException {
        List<String> psql = List.of(PostgresInstallation.binary("psql"), "-X", "-q", "-A", "-t", "-v",
                "ON_ERROR_STOP=1", "-h", postgres.host(), "-p", String.valueOf(postgres.port()),
                "-U", PostgresTestServer.SUPERUSER, "-d", database, "-w", "-c", sql);
        Map<String, String> environment = password == null
                ? Map.of("PGSSLMODE", sslMode, "PGCONNECT_TIMEOUT", "5")
                : Map.of("PGSSLMODE", sslMode, "PGCONNECT_TIMEOUT", "5", "PGPASSWORD", password);
        return Commands.run(psql, scratch, "", environment, Duration.ofSeconds(20)).strip();
    }

    private static Socket sslRequest(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 5_000);
        socket.setSoTimeout(5_000);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(8);
        out.writeInt(SSL_REQUEST);
        out.flush();
        return socket;
    }

    private static boolean poll(PostgresTestServer server, String booleanQuery) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (server.execute(booleanQuery).equals("t")) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
