package dev.preflight.db.redis;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A port that answers as an HTTP server: a verdict on the target (FAIL, saying why), not an exception. */
class NotRedisServerTest {

    @Test
    void anotherProtocolOnThePortFails() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread http = new Thread(() -> answerAsHttp(server), "http-not-redis");
            http.setDaemon(true);
            http.start();

            Result result = ProbeTestKit.forProbe(new RedisAuthProbe())
                    .target(Target.forUrl("redis://127.0.0.1:" + server.getLocalPort())).run().result();

            assertThat(result).isFail().hasSummaryContaining("does not answer in Redis's protocol (RESP)")
                    .hasSummaryContaining("Unknown reply").hasRemediationContaining("Redis server itself");
        }
    }

    private static void answerAsHttp(ServerSocket server) {
        try (Socket client = server.accept()) {
            client.getInputStream().read(new byte[64]);
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.getInputStream().read(new byte[64]);
        } catch (IOException e) {
            // The probe hung up.
        }
    }
}
