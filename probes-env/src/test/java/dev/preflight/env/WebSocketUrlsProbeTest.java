package dev.preflight.env;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebSocketUrlsProbeTest {

    @TempDir
    Path dir;

    private static EnvCheck check() {
        return EnvCheck.of(new WebSocketUrlsProbe());
    }

    @Test
    void wssAndHttpsSocketUrlsPass() {
        Result result = check().with("NEXT_PUBLIC_WS_URL", "wss://rt.acme.io/ws").with("VITE_SOCKET_URL", "https://rt.acme.io")
                .with("WEBSOCKET_URL", "wss://rt.acme.io:8443/cable").result();

        assertThat(result).isPass();
        assertThat(EnvCheck.list(result, "urls")).containsExactly("NEXT_PUBLIC_WS_URL: wss://rt.acme.io",
                "VITE_SOCKET_URL: https://rt.acme.io", "WEBSOCKET_URL: wss://rt.acme.io:8443");
    }

    @Test
    void plaintextWebSocketFails() {
        assertThat(check().with("WS_URL", "ws://rt.acme.io/ws").result())
                .isFail().hasSummary("WS_URL uses ws://")
                .hasRemediationContaining("Serve rt.acme.io over TLS and set WS_URL=wss://rt.acme.io in .env.production.");
    }

    @Test
    void plaintextSocketIoUrlFails() {
        assertThat(check().with("REACT_APP_SOCKET_URL", "http://rt.acme.io").result())
                .isFail().hasSummary("REACT_APP_SOCKET_URL uses http://")
                .hasRemediationContaining("REACT_APP_SOCKET_URL=https://rt.acme.io");
    }

    @Test
    void plaintextFailsOutsideProductionToo() {
        assertThat(check().stage("staging").with("SOCKET_URL", "ws://rt.staging.acme.io").result()).isFail();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws://localhost:3001", "wss://127.0.0.1:6001/app", "ws://[::1]:8080"})
    void loopbackFailsInProductionAndPassesInDevelopment(String url) {
        assertThat(check().with("PUSHER_WS_URL", url).result()).isFail().hasSummaryContaining("PUSHER_WS_URL points at localhost");
        assertThat(check().stage("development").with("PUSHER_WS_URL", url).result())
                .isPass().hasSummaryContaining("points at loopback in development");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wss://your-domain.com/ws", "wss://ws.example.com", "wss://<your-app>.herokuapp.com",
        "wss://YOUR_SOCKET_HOST:port/ws"})
    void templateHostsFail(String url) {
        assertThat(check().with("NEXT_PUBLIC_WEBSOCKET_URL", url).result()).isFail().hasSummaryContaining("template");
    }

    @Test
    void malformedAndForeignSchemesFailWithReason() {
        assertThat(check().with("WS_URL", "rt.acme.io/ws").result()).isFail()
                .hasSummary("WS_URL is not a URL (expected scheme://host…)");
        assertThat(check().with("WS_URL", "").result()).isFail().hasSummary("WS_URL is empty");
        assertThat(check().with("WS_URL", "tcp://rt.acme.io:9000").result()).isFail()
                .hasSummary("WS_URL is a tcp:// URL, not wss://");
    }

    @Test
    void pathOnlyInheritsThePagesOrigin() {
        assertThat(check().with("SOCKET_URL", "/socket.io").result()).isPass().hasSummaryContaining("is a path");
    }

    @Test
    void variableNameSettingAddsNames() {
        assertThat(check().setting("variable-name", "REALTIME_ENDPOINT").with("REALTIME_ENDPOINT", "ws://rt.acme.io").result())
                .isFail().hasSubject("REALTIME_ENDPOINT");
    }

    @Test
    void noWebSocketUrlIsSkipped() {
        assertThat(check().with("API_URL", "ws://rt.acme.io").result()).isSkip().hasSummaryContaining("_WS_URL");
    }

    @Test
    void aRealFileShowsNoCredentialsOrTokens() {
        EnvFile file = EnvFile.write(dir, "NEXT_PUBLIC_WS_URL=\"ws://rt:Sekr3tPw99@rt.acme.io/ws?token=tok3nValue77\"",
                "VITE_WSS_URL='wss://rt.acme.io'", "SOCKET_URL=" + "w".repeat(100_000));

        ProbeOutcome outcome = file.outcome("env.websocket-urls");

        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(EnvFile.problems(outcome)).containsExactly("NEXT_PUBLIC_WS_URL: uses ws://",
                "SOCKET_URL: is not a URL (expected scheme://host…)");
        String shown = outcome.result().summary() + outcome.result().remediation().orElse("") + outcome.result().details();
        assertThat(shown).doesNotContain("Sekr3tPw99", "tok3nValue77", "w".repeat(50));
    }
}
