package dev.preflight.db.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ProbeOutcome;
import dev.preflight.db.redis.internal.RedisEndpoint;
import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that answers PING one byte at a time, never finishing the line: each read succeeds within
 * the read timeout, so only the deadline can end the probe, and its thread must be freed then too.
 */
class DrippingServerTest {

    @Test
    void aServerThatDripsBytesCannotStretchTheDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dripper = new Thread(() -> drip(server), "dripping-redis");
            dripper.setDaemon(true);
            dripper.start();
            Ended probe = new Ended(new RedisVersionProbe());

            ProbeOutcome outcome = ProbeTestKit.forProbe(probe)
                    .target(Target.forUrl("redis://127.0.0.1:" + server.getLocalPort()))
                    .timeout(Duration.ofSeconds(1)).run();

            assertThat(outcome.status()).isEqualTo(Status.ERROR);
            assertThat(probe.ended.await(1, TimeUnit.SECONDS)).as("probe thread freed soon after the deadline")
                    .isTrue();
            dripper.interrupt();
        }
    }

    @Test
    void aProbeThatDidNotOpenTheConnectionIsFreedAtItsOwnDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dripper = new Thread(() -> pongThenDrip(server), "dripping-redis");
            dripper.setDaemon(true);
            dripper.start();
            Target target = Target.forUrl("redis://127.0.0.1:" + server.getLocalPort());
            RedisEndpoint endpoint = RedisEndpoint.of(target).orElseThrow();
            // One probe opens the session with a long deadline; another asks with a short one.
            ProbeContext opener = ProbeTestKit.forProbe(new RedisVersionProbe()).target(target)
                    .timeout(Duration.ofSeconds(20)).context();
            ProbeContext asker = ProbeTestKit.forProbe(new RedisMemoryProbe()).target(target)
                    .timeout(Duration.ofSeconds(1)).context();
            try (RedisSession session = RedisSession.shared(opener, endpoint)) {
                long start = System.nanoTime();

                assertThatThrownBy(() -> session.call(asker, "INFO", "memory")).isInstanceOf(IOException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            }
            dripper.interrupt();
        }
    }

    private static void pongThenDrip(ServerSocket server) {
        try (Socket client = server.accept()) {
            OutputStream out = client.getOutputStream();
            client.getInputStream().read(new byte[64]);
            out.write("+PONG\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.getInputStream().read(new byte[64]);
            dripTo(out);
        } catch (IOException | InterruptedException e) {
            // The probe closed the connection: what the test wants.
        }
    }

    private static void dripTo(OutputStream out) throws IOException, InterruptedException {
        out.write('+');
        for (int i = 0; i < 200 && !Thread.currentThread().isInterrupted(); i++) {
            Thread.sleep(100);
            out.write('P');
            out.flush();
        }
    }

    private static void drip(ServerSocket server) {
        try (Socket client = server.accept()) {
            OutputStream out = client.getOutputStream();
            out.write('+');
            for (int i = 0; i < 100 && !Thread.currentThread().isInterrupted(); i++) {
                Thread.sleep(100);
                out.write('P');
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // The probe closed the connection: what the test wants.
        }
    }

    /** Counts down when the wrapped probe's check returns or throws, to see its thread freed. */
    private static final class Ended implements Probe {
        private final Probe probe;
        private final CountDownLatch ended = new CountDownLatch(1);

        Ended(Probe probe) {
            this.probe = probe;
        }

        @Override
        public String id() {
            return probe.id();
        }

        @Override
        public String title() {
            return probe.title();
        }

        @Override
        public TargetKind targetKind() {
            return probe.targetKind();
        }

        @Override
        public Result check(ProbeContext context) throws Exception {
            try {
                return probe.check(context);
            } finally {
                ended.countDown();
            }
        }
    }
}
