package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code http.rate-limit} against real TLS servers that count what they receive: one limits after
 * ten requests, one never does, one fails instead of limiting, one is too slow for the deadline.
 */
class RateLimitProbeTest {
    private final AtomicInteger seen = new AtomicInteger();
    private final Set<String> requestLines = ConcurrentHashMap.newKeySet();

    @Test
    void limitAfterTenRequestsPassesNamingTheEleventhAndStopsTheBurst() throws IOException {
        HttpHandler limited = counting(n -> n <= 10 ? TestRoutes.reply(200)
                : TestRoutes.reply(429).header("Retry-After", "60"));

        Result result = run(limited, "requests", "30", "path", "/api/login", "method", "post");

        assertThat(result).isPass().hasSummaryContaining("limited at request 11 of at most 30: 429 after 10 served")
                .hasSummaryContaining("Retry-After: 60")
                .hasDetail("limitedAt", 11)
                .hasDetail("limitStatus", 429)
                .hasDetail("retryAfter", "60")
                .hasDetail("served", 10)
                .hasDetail("method", "POST")
                .hasDetail("address", "127.0.0.1");
        assertThat(requestLines).containsExactly("POST /api/login");
        // Stopped at the first 429: at most the requests already in flight (concurrency 4) came after it.
        assertThat(seen.get()).isBetween(11, 14);
    }

    @Test
    void retryAfterOnAnotherStatusCountsAsALimit() throws IOException {
        HttpHandler limited = counting(n -> n <= 5 ? TestRoutes.reply(200)
                : TestRoutes.reply(503).header("Retry-After", "5"));

        assertThat(run(limited, "requests", "30")).isPass().hasSummaryContaining("limited at request 6")
                .hasDetail("limitStatus", 503);
    }

    @Test
    void burstThatIsNeverLimitedFails() throws IOException {
        Result result = run(counting(n -> TestRoutes.reply(200)), "requests", "30");

        assertThat(result).isFail().hasSummaryContaining("30 requests in").hasSummaryContaining("none limited")
                .hasRemediationContaining("limit_req_status 429")
                .hasDetail("sent", 30)
                .hasDetail("statuses", List.of("200 × 30"));
        assertThat(seen).hasValue(30);
        assertThat(requestLines).containsExactly("GET /");
    }

    @Test
    void serverErrorBeforeAnyLimitFailsAndStopsTheBurst() throws IOException {
        HttpHandler failing = counting(n -> n <= 5 ? TestRoutes.reply(200) : TestRoutes.reply(503));

        Result result = run(failing, "requests", "30", "concurrency", "1");

        assertThat(result).isFail().hasSummaryContaining("response 6 of the burst was 503 without Retry-After")
                .hasRemediationContaining("limit_req_status 429");
        assertThat(seen).hasValue(6);
    }

    @Test
    void isLeftOutWithoutSendingAnythingWhenNotNamed() {
        try (TlsTestServer server = TestSites.https(counting(n -> TestRoutes.reply(200)))) {
            ProbeTestKit kit = kit(server.port()).allowWrites(false);

            assertThat(kit.runReport().outcomes()).isEmpty();
            assertThat(kit.runReport().unnamedWriters()).containsExactly("http.rate-limit");
            assertThat(kit.run().result()).isSkip().hasSummaryContaining("did not name it");
            // The gate is the runner's, and the kit keeps it for direct calls too.
            org.assertj.core.api.Assertions.assertThatThrownBy(kit::context)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("allowWrites(true)");
        }
        assertThat(seen).hasValue(0);
    }

    @Test
    void settingAboveTheHardCapIsAnErrorAndSendsNothing() throws IOException {
        assertThat(run(counting(n -> TestRoutes.reply(200)), "requests", "501")).isError()
                .hasSummary("setting http.rate-limit.requests must be between 1 and 500");
        assertThat(seen).hasValue(0);
    }

    @Test
    void deadlineReportsHowFarTheBurstGotBeforeTheRunnerCutsIt() throws IOException {
        HttpHandler slow = counting(n -> exchange -> {
            sleep(150);
            TestRoutes.reply(200).handle(exchange);
        });

        try (TlsTestServer server = TestSites.https(slow)) {
            ProbeOutcome outcome = kit(server.port()).setting("requests", "30").setting("concurrency", "1")
                    .timeout(Duration.ofSeconds(1)).run();

            assertThat(outcome.result()).isError().hasSummaryContaining("the deadline came after")
                    .hasSummaryContaining("of 30 requests were answered")
                    .hasSummaryContaining("none limited so far");
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(seen.get()).isBetween(1, 8);
    }

    /** An answer chosen by the number of the request, counting from 1 as the server receives them. */
    private interface Answers {
        HttpHandler nth(int n);
    }

    private HttpHandler counting(Answers answers) {
        return exchange -> {
            requestLines.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            answers.nth(seen.incrementAndGet()).handle(exchange);
        };
    }

    private Result run(HttpHandler handler, String... settings) throws IOException {
        try (TlsTestServer server = TestSites.https(handler)) {
            ProbeTestKit kit = kit(server.port());
            for (int i = 0; i < settings.length; i += 2) {
                kit.setting(settings[i], settings[i + 1]);
            }
            return kit.run().result();
        }
    }

    private static ProbeTestKit kit(int port) {
        return TestSites.kit(new RateLimitProbe(), "https://" + TestSites.HOST + ":" + port + "/", port).allowWrites(true);
    }

    private static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

}
