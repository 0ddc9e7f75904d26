package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code preflight serve} as the command line starts it, and its bad input. */
class ServeCommandTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void servesTheConfiguredTargetsUntilStopped() throws Exception {
        Path config = dir.resolve("preflight.yml");
        Files.writeString(config, "targets:\n  mail: { domain: shop.invalid }\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(PreflightCommand.execute(new String[] {"serve", "--config",
                config.toString(), "--listen", "127.0.0.1:0"}, Map.of(), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8), Terminal.PLAIN)), "serve-under-test");
        serving.start();
        int port = awaitPort(err);

        HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/-/ready")).build(), HttpResponse.BodyHandlers.ofString());
        serving.interrupt();
        serving.join(10_000);

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(serving.isAlive()).isFalse();
        assertThat(exit.get()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void badInputExitsTwoNamingTheOption() {
        assertThat(CliRun.of("serve", "--config", dir.resolve("missing.yml").toString()).exitCode())
                .isEqualTo(ExitCodes.USAGE);
        CliRun listen = CliRun.of("serve", "--config", dir.toString(), "--listen", "127.0.0.1:99999");
        assertThat(listen.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(listen.err()).contains("--listen").contains("127.0.0.1:9871");
        CliRun interval = CliRun.of("serve", "--config", dir.toString(), "--min-interval", "often");
        assertThat(interval.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(interval.err()).contains("--min-interval");
    }

    private static int awaitPort(ByteArrayOutputStream err) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(giveUp)) {
            Matcher m = LISTENING.matcher(err.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not say where it listens: " + err.toString(StandardCharsets.UTF_8));
    }
}
