package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Real HTTPS answers from {@code shop.test}, compressed or not. */
class CompressionProbeTest {
    private static final String PAGE = "<!doctype html><title>shop</title>" + "<p>lorem ipsum dolor sit amet</p>".repeat(200);

    @Test
    void gzippedHtmlPasses() {
        Result result = check(gzipped("text/html; charset=utf-8", PAGE));

        assertThat(result).isPass().hasSummary("text/html compressed with gzip").hasDetail("encoding", "gzip")
                .hasDetail("bytes", PAGE.length()).hasDetail("acceptEncoding", "gzip")
                .hasDetail("compressedBytes", (long) gzip(PAGE).length);
    }

    @Test
    void uncompressedHtmlWarns() {
        Result result = check(TestRoutes.reply(200).header("Content-Type", "text/html").body(PAGE));

        assertThat(result).isWarn().hasSummary(PAGE.length() + "-byte text/html is not compressed although the"
                + " client accepts br, gzip").hasRemediationContaining("gzip on;").hasDetail("encoding", "none");
    }

    @Test
    void uncompressedJsonWarns() {
        String json = "{\"items\":[" + "{\"id\":1,\"name\":\"x\"},".repeat(100) + "{}]}";

        assertThat(check(TestRoutes.reply(200).header("Content-Type", "application/json").body(json))).isWarn();
    }

    @Test
    void brotliOnlyServerIsFoundByTheSecondRequest() {
        HttpHandler brotliOnly = exchange -> {
            boolean br = exchange.getRequestHeaders().getFirst("Accept-Encoding").contains("br");
            byte[] body = br ? new byte[] {0x1b, 0x2a, 0x00} : PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            if (br) {
                exchange.getResponseHeaders().add("Content-Encoding", "br");
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };

        assertThat(check(brotliOnly)).isPass().hasSummary("text/html compressed with br")
                .hasDetail("acceptEncoding", "br, gzip").hasDetail("compressedBytes", 3L);
    }

    @Test
    void smallUncompressedBodyPasses() {
        Result result = check(TestRoutes.reply(200).header("Content-Type", "text/html").body("<p>tiny</p>"));

        assertThat(result).isPass().hasSummary("11-byte text/html is too small to gain from compression");
    }

    @Test
    void nonTextDocumentIsSkipped() {
        Result result = check(TestRoutes.reply(200).header("Content-Type", "image/png").body(new byte[4096]));

        assertThat(result).isSkip().hasSummary("the document is image/png, not text: compression not judged");
    }

    @Test
    void breachViewWarnsWhenCompressed() {
        try (TlsTestServer server = TestSites.https(gzipped("text/html", PAGE))) {
            Result result = kit(server.port()).setting("expect", "uncompressed").run().result();

            assertThat(result).isWarn().hasSummaryContaining("compressed with gzip although this target expects no"
                    + " compression (BREACH)").hasRemediationContaining("gzip off;").hasDetail("expect", "uncompressed");
        }
    }

    @Test
    void breachViewPassesWhenUncompressed() {
        try (TlsTestServer server = TestSites.https(TestRoutes.reply(200).header("Content-Type", "text/html").body(PAGE))) {
            Result result = kit(server.port()).setting("expect", "Uncompressed").run().result();

            assertThat(result).isPass().hasSummaryContaining("is not compressed, as this target expects");
        }
    }

    @Test
    void unknownExpectationIsAConfigurationError() {
        try (TlsTestServer server = TestSites.https(TestRoutes.reply(200))) {
            assertThat(kit(server.port()).setting("expect", "sometimes").run().result()).isError()
                    .hasSummaryContaining("compressed or uncompressed");
        }
    }

    private static TestRoutes.Reply gzipped(String type, String text) {
        return TestRoutes.reply(200).header("Content-Type", type).header("Content-Encoding", "gzip").body(gzip(text));
    }

    static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Result check(HttpHandler handler) {
        try (TlsTestServer server = TestSites.https(handler)) {
            return kit(server.port()).run().result();
        }
    }

    private static ProbeTestKit kit(int port) {
        return TestSites.kit(new CompressionProbe(), "https://shop.test:" + port + "/", port);
    }
}
