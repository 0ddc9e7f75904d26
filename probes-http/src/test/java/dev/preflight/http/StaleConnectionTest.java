package dev.preflight.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.Site;
import dev.preflight.probe.ProbeContext;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 lets a server close an idle keep-alive connection after any answer. The next request on
 * it meets the end of the stream; it is sent once more on a fresh connection rather than reported as
 * the site's failure.
 */
class StaleConnectionTest {

    @Test
    void aRequestOnAConnectionTheServerClosedIsSentAgainOnAFreshOne() throws Exception {
        // Answers as if the connection stays open (no Connection: close), then hangs up.
        byte[] keepAliveThenClose = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
                .getBytes(StandardCharsets.US_ASCII);
        try (RawReplyServer server = RawReplyServer.answering(keepAliveThenClose)) {
            ProbeContext context = TestSites.kit(new SecurityHeadersProbe(),
                    "http://" + TestSites.HOST + ":" + server.port() + "/", server.port()).context();
            Site site = Site.of(context).orElseThrow();
            InetAddress address = InetAddress.getLoopbackAddress();

            Page first = site.fetch(address, site.get(site.resolve("/first")));
            Page second = site.fetch(address, site.get(site.resolve("/second")));

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(200);
            assertThat(second.text()).isEqualTo("ok");
        }
    }
}
