package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets in target URLs, on the command line and in an environment file, against a loopback site
 * that echoes its request: the heading, every report format and standard error show none of their forms.
 */
class SecretsInUrlsTest {
    private static final String PASSWORD = "Cl1Pl@nted Pass";
    private static final String API_KEY = "CliQueryK3yPlanted4321";
    private static final String ENV_PASSWORD = "EnvPl4ntedPassw0rd";
    private static final String ENV_TOKEN = "EnvQueryT0kenPlanted77";

    @TempDir
    Path dir;

    private HttpServer server;

    @BeforeEach
    void startEchoingSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", SecretsInUrlsTest::echo);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aTargetUrlQueryIsShownAsAnEllipsisInTheHeadingAndNoFormReachesAnyFormat() throws IOException {
        String url = "http://shop:" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20")
                + "@127.0.0.1:" + server.getAddress().getPort() + "/?api_key=" + API_KEY;

        List<String> outputs = runAllFormats(url, "--probe", "http.*");

        assertThat(outputs.get(0)).contains("\nhttp://shop:***@127.0.0.1:" + server.getAddress().getPort()
                + "/?…  (web)\n").contains("Server: Basic …");
        assertNoForm(outputs, PASSWORD, "shop:" + PASSWORD, API_KEY);
    }

    @Test
    void anEnvironmentUrlsCredentialsAndQueryTokenReachNoFormat() throws IOException {
        Path env = Files.writeString(dir.resolve(".env.production"), "BACKEND_URL=http://ops:" + ENV_PASSWORD
                + "@127.0.0.1:" + server.getAddress().getPort() + "/?token=" + ENV_TOKEN + "\n");

        List<String> outputs = runAllFormats("--env", env.toString(), "--probe", "http.*,env.*");

        assertThat(outputs.get(0)).contains("BACKEND_URL  (web)").contains("Server: Basic …");
        assertNoForm(outputs, ENV_PASSWORD, "ops:" + ENV_PASSWORD, ENV_TOKEN);
    }

    @Test
    void aMalformedUrlIsQuotedWholeNotGarbledByRedaction() {
        CliRun run = CliRun.of("check", "https://[::1");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("preflight: 'https://[::1' is not a valid URL (")
                .contains("percent-encode special characters such as @ / # ? in user names and passwords")
                .doesNotContain("***");
    }

    @Test
    void aMalformedUrlWithAQueryShowsNeitherPasswordNorQuery() {
        CliRun run = CliRun.of("check", "https://shop:" + ENV_PASSWORD + "@[::1/?token=" + ENV_TOKEN);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("preflight: '").doesNotContain(ENV_PASSWORD).doesNotContain(ENV_TOKEN);
    }

    /** @return standard output of the text run first, then every output and error of every format */
    private List<String> runAllFormats(String... args) throws IOException {
        List<String> outputs = new ArrayList<>();
        for (String format : List.of("text", "json", "junit", "markdown")) {
            Path file = dir.resolve("report." + format);
            List<String> all = new ArrayList<>(List.of("check"));
            all.addAll(List.of(args));
            all.addAll(List.of("--timeout", "3s", "--format", format, "--output", file.toString(), "--format", format));
            CliRun run = CliRun.of(all.toArray(String[]::new));
            assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.PROBLEMS);
            outputs.add(run.out());
            outputs.add(run.err());
            outputs.add(Files.readString(file));
        }
        return outputs;
    }

    private static void assertNoForm(List<String> outputs, String... secrets) {
        for (String secret : secrets) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            for (String form : List.of(secret, encoded, encoded.replace("+", "%20"),
                    Base64.getEncoder().encodeToString(bytes), Base64.getEncoder().withoutPadding().encodeToString(bytes),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))) {
                for (String output : outputs) {
                    // JSON and XML escape nothing these forms hold but '+' and '/', which both leave as they are.
                    assertThat(output).as("form %s", form).doesNotContain(form);
                }
            }
        }
    }

    /** Echoes the request: Authorization in the Server header, the query as a Bearer token, all of it in the body. */
    private static void echo(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String query = String.valueOf(exchange.getRequestURI().getRawQuery());
        exchange.getResponseHeaders().add("Server", authorization);
        exchange.getResponseHeaders().add("X-Powered-By", "Bearer " + query.replaceFirst("^[a-z_]+=", ""));
        byte[] body = ("<html><body>You're seeing this error because you have <code>DEBUG = True</code>. "
                + exchange.getRequestURI() + " " + authorization + "</body></html>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(500, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
