package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisTestServerTest {

    @BeforeAll
    static void needsRedis() {
        // CI must run this test; elsewhere a missing redis-server skips it visibly rather than failing the build.
        RedisTestServer.assumeAvailable();
    }

    @Test
    void withoutAPasswordPingAnswersPong() throws IOException {
        try (RedisTestServer redis = RedisTestServer.builder().start();
                Resp client = Resp.connect(redis.port())) {
            assertThat(client.call("PING")).isEqualTo("+PONG");
            assertThat(client.call("CONFIG", "GET", "maxmemory")).isEqualTo("[maxmemory, 0]");
            assertThat(redis.uri()).hasToString("redis://127.0.0.1:" + redis.port());
            assertThat(redis.tlsPort()).isZero();
        }
    }

    @Test
    void withAPasswordPingAnswersNoauthUntilAuthenticated() throws IOException {
        try (RedisTestServer redis = RedisTestServer.builder().requirePass("s3cret \"pw\"").start();
                Resp client = Resp.connect(redis.port())) {
            assertThat(client.call("PING")).startsWith("-NOAUTH");
            assertThat(client.call("AUTH", "wrong")).startsWith("-WRONGPASS");
            assertThat(client.call("AUTH", "s3cret \"pw\"")).isEqualTo("+OK");
            assertThat(client.call("PING")).isEqualTo("+PONG");
        }
    }

    @Test
    void aclUsersGetTheirOwnPrivileges() throws IOException {
        try (RedisTestServer redis = RedisTestServer.builder()
                .requirePass("admin-pw")
                .aclUser("app", "on >app-pw ~* +@read +@write -@dangerous")
                .aclUser("reader", "on >reader-pw ~* +@read")
                .start();
                Resp client = Resp.connect(redis.port())) {
            assertThat(client.call("AUTH", "app", "app-pw")).isEqualTo("+OK");
            assertThat(client.call("SET", "k", "v")).isEqualTo("+OK");
            assertThat(client.call("CONFIG", "GET", "requirepass")).startsWith("-NOPERM");
            assertThat(client.call("AUTH", "reader", "reader-pw")).isEqualTo("+OK");
            assertThat(client.call("GET", "k")).isEqualTo("v");
            assertThat(client.call("SET", "k", "w")).startsWith("-NOPERM");
            assertThat(client.call("AUTH", "admin-pw")).isEqualTo("+OK");
            assertThat(client.call("ACL", "WHOAMI")).isEqualTo("default");
        }
    }

    @Test
    void aDefaultUserWithoutPingIsReadyToo() throws IOException {
        try (RedisTestServer redis = RedisTestServer.builder()
                .aclUser("default", "on nopass ~* -@all")
                .aclUser("ops", "on >ops-pw ~* +@all")
                .start();
                Resp client = Resp.connect(redis.port())) {
            assertThat(client.call("PING")).startsWith("-NOPERM");
            assertThat(client.call("AUTH", "ops", "ops-pw")).isEqualTo("+OK");
            assertThat(client.call("PING")).isEqualTo("+PONG");
        }
    }

    @Test
    void configDirectivesTurnPersistenceAndMaxmemoryOnAndOff() throws IOException {
        try (RedisTestServer persistent = RedisTestServer.builder()
                .config("appendonly", "yes").config("maxmemory", "64mb").config("maxmemory-policy", "allkeys-lru")
                .start();
                RedisTestServer volatileOne = RedisTestServer.builder().config("save", "").start();
                Resp toPersistent = Resp.connect(persistent.port());
                Resp toVolatile = Resp.connect(volatileOne.port())) {
            assertThat(toPersistent.call("CONFIG", "GET", "appendonly")).isEqualTo("[appendonly, yes]");
            assertThat(toPersistent.call("CONFIG", "GET", "maxmemory")).isEqualTo("[maxmemory, 67108864]");
            assertThat(toPersistent.call("CONFIG", "GET", "maxmemory-policy")).isEqualTo("[maxmemory-policy, allkeys-lru]");
            assertThat(toPersistent.call("CONFIG", "GET", "save")).isEqualTo("[save, 3600 1 300 100 60 10000]");
            assertThat(toVolatile.call("CONFIG", "GET", "save")).isEqualTo("[save, ]");
            assertThat(toVolatile.call("CONFIG", "GET", "appendonly")).isEqualTo("[appendonly, no]");
        }
    }

    @Test
    void tlsOnlyServesTheMintedChainAndAnswersPingOverTls() throws Exception {
        HeldCertificate root = TestCertificates.builder("Redis Test Root").certificateAuthority(0).ecP256().build();
        HeldCertificate leaf = TestCertificates.builder("localhost").ipAddresses("127.0.0.1").ecP256()
                .signedBy(root).build();
        try (RedisTestServer redis = RedisTestServer.builder().tls(leaf, root).plaintext(false).start()) {
            Socket plain = new Socket();
            plain.connect(new InetSocketAddress(FreePorts.LOOPBACK, redis.tlsPort()), 5_000);
            SSLSocket tls = (SSLSocket) root.trustingContext().getSocketFactory().createSocket(plain, "127.0.0.1",
                    redis.tlsPort(), true);
            tls.startHandshake();

            assertThat(tls.getSession().getPeerCertificates()).containsExactly(leaf.certificate(), root.certificate());
            try (Resp client = new Resp(tls)) {
                assertThat(client.call("PING")).isEqualTo("+PONG");
            }
            assertThat(redis.port()).isZero();
            assertThat(redis.tlsUri()).hasToString("rediss://127.0.0.1:" + redis.tlsPort());
            assertThatThrownBy(redis::uri).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void tlsAlongsideThePlainPortKeepsBoth() throws Exception {
        HeldCertificate leaf = TestCertificates.builder("localhost").ipAddresses("127.0.0.1").ecP256().build();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass("pw").tls(leaf).start();
                Resp plain = Resp.connect(redis.port())) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, redis.tlsPort()), 5_000);
            SSLSocket tls = (SSLSocket) leaf.trustingContext().getSocketFactory().createSocket(socket, "127.0.0.1",
                    redis.tlsPort(), true);

            try (Resp overTls = new Resp(tls)) {
                assertThat(overTls.call("PING")).startsWith("-NOAUTH");
            }
            assertThat(plain.call("PING")).startsWith("-NOAUTH");
            assertThat(redis.tlsPort()).isNotZero().isNotEqualTo(redis.port());
        }
    }

    @Test
    void closeStopsRedisAndDeletesTheDirectory() throws IOException {
        RedisTestServer redis = RedisTestServer.builder().start();
        ProcessHandle process = redis.process();
        Path dir = redis.directory();
        assertThat(dir.resolve("redis.conf")).exists();

        redis.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void aRejectedDirectiveFailsTheStartWithRedisOwnMessage() {
        assertThatThrownBy(() -> RedisTestServer.builder().config("no-such-directive", "1").start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Bad directive or wrong number of arguments");
    }

    /** A minimal RESP2 client: commands as arrays of bulk strings, replies rendered as text. */
    private static final class Resp implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Resp(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(5_000);
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        static Resp connect(int port) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 5_000);
            return new Resp(socket);
        }

        /** @return {@code +OK}-style and {@code -ERR}-style lines as sent, bulk strings bare, arrays as {@code [a, b]} */
        String call(String... args) throws IOException {
            StringBuilder command = new StringBuilder("*" + args.length + "\r\n");
            for (String arg : args) {
                command.append('$').append(arg.getBytes(StandardCharsets.UTF_8).length).append("\r\n")
                        .append(arg).append("\r\n");
            }
            out.write(command.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return reply();
        }

        private String reply() throws IOException {
            String line = line();
            switch (line.charAt(0)) {
                case '$':
                    int length = Integer.parseInt(line.substring(1));
                    if (length < 0) {
                        return "(nil)";
                    }
                    String bulk = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    line();
                    return bulk;
                case '*':
                    List<String> items = new ArrayList<>();
                    for (int i = Integer.parseInt(line.substring(1)); i > 0; i--) {
                        items.add(reply());
                    }
                    return items.toString();
                default:
                    return line;
            }
        }

        private String line() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed mid-reply");
                }
                if (b != '\r') {
                    bytes.write(b);
                }
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
