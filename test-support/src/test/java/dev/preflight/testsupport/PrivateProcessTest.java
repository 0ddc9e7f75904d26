package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrivateProcessTest {
    private static PrivateProcess shell(String script) throws IOException {
        return PrivateProcess.builder("sh").start(dir -> List.of("/bin/sh", "-c", script));
    }

    @Test
    void aProcessThatExitsFailsTheWaitAtOnceWithItsLogAndLeavesNoDirectory() throws IOException {
        PrivateProcess sh = shell("echo 'bad config line 3'; exit 3");
        Path dir = sh.directory();

        long started = System.nanoTime();
        assertThatThrownBy(() -> sh.awaitReady(Duration.ofSeconds(20), "never", () -> false))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("sh exited with status 3")
                .hasMessageContaining("bad config line 3");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(dir).doesNotExist();
    }

    @Test
    void aProbeThatGivesUpFailsTheWaitWithItsReasonAndTheLog() throws IOException {
        PrivateProcess sh = shell("echo 'zone failed to load'; sleep 30");

        // The check gives up once the process has said why, as DnsTestServer's does on knotd's log line.
        assertThatThrownBy(() -> sh.awaitReady(Duration.ofSeconds(20), "a zone", () -> {
            if (!sh.log().contains("zone failed to load")) {
                return false;
            }
            throw new IOException("sh rejected a zone");
        })).hasMessageContaining("sh rejected a zone").hasMessageContaining("zone failed to load");
        assertThat(sh.handle().isAlive()).isFalse();
    }

    @Test
    void aLogSayingAddressInUseIsRetriedOnFreshPorts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> FreePorts.retryIfTaken(() -> {
            attempts.incrementAndGet();
            PrivateProcess sh = shell("echo 'bind: Address already in use'; exit 1");
            sh.awaitReady(Duration.ofSeconds(20), "never", () -> false);
            return sh;
        })).isInstanceOf(FreePorts.PortTakenException.class).hasMessageContaining("before sh could bind it");
        assertThat(attempts).hasValue(FreePorts.ATTEMPTS);
    }

    @Test
    void closeStopsTheProcessAndItsDescendantsAndDeletesTheDirectory() throws IOException {
        PrivateProcess sh = shell("sleep 60 & sleep 60 & wait");
        sh.awaitReady(Duration.ofSeconds(20), "two children", () -> sh.handle().children().count() == 2);
        List<ProcessHandle> children = sh.handle().children().toList();

        sh.close();
        sh.close();

        assertThat(sh.handle().isAlive()).isFalse();
        assertThat(children).noneMatch(ProcessHandle::isAlive);
        assertThat(sh.directory()).doesNotExist();
    }

    @Test
    void listeningIsReadyOnceEveryPortAccepts() throws IOException {
        int[] ports = FreePorts.tcp(2);
        assertThat(ports[0]).isNotEqualTo(ports[1]);
        try (ServerSocket first = new ServerSocket(ports[0], 1, FreePorts.LOOPBACK)) {
            assertThat(PrivateProcess.Readiness.listening(List.of(ports[0], ports[1])).ready()).isFalse();
            try (ServerSocket second = new ServerSocket(ports[1], 1, FreePorts.LOOPBACK)) {
                assertThat(PrivateProcess.Readiness.listening(List.of(ports[0], ports[1])).ready()).isTrue();
            }
        }
    }

    @Test
    void setupThatFailsLeavesNoDirectory() throws IOException {
        Path[] seen = new Path[1];

        assertThatThrownBy(() -> PrivateProcess.builder("sh").start(dir -> {
            seen[0] = dir;
            Files.writeString(dir.resolve("conf"), "x");
            throw new IOException("cannot write config");
        })).hasMessage("cannot write config");
        assertThat(seen[0]).doesNotExist();
    }
}
