package com.example.preflight;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The probe on its own, through the test kit's real runner. */
class MongoAuthProbeTest {

    private static Result check(String url) {
        return ProbeTestKit.forProbe(new MongoAuthProbe())
                .target(Target.builder("orders-db", MongoAuthProbe.MONGODB).uri(URI.create(url)).build())
                .run().result();
    }

    @Test
    void userAndTlsPass() {
        assertThat(check("mongodb://app@db.internal:27017/orders?tls=true")).isPass()
                .hasSummary("signs in as app over TLS");
    }

    @Test
    void srvUrlsHaveTlsUnlessTurnedOff() {
        assertThat(check("mongodb+srv://app@cluster0.example.net/orders")).isPass();
        assertThat(check("mongodb+srv://app@cluster0.example.net/orders?tls=false")).isFail()
                .hasSummaryContaining("does not turn TLS on");
    }

    @Test
    void noUserFailsWithTheFix() {
        assertThat(check("mongodb://db.internal:27017/orders?ssl=true")).isFail()
                .hasSummary("mongodb://db.internal:27017/orders?… names no user")
                .hasRemediationContaining("create a user for the application");
    }

    @Test
    void neitherUserNorTlsNamesBoth() {
        assertThat(check("mongodb://db.internal/orders")).isFail()
                .hasSummary("mongodb://db.internal/orders names no user and does not turn TLS on");
    }

    @Test
    void targetWithoutUrlIsSkipped() {
        Result result = ProbeTestKit.forProbe(new MongoAuthProbe())
                .target(Target.builder("orders-db", MongoAuthProbe.MONGODB).build()).run().result();

        assertThat(result).isSkip().hasSummaryContaining("no url");
    }
}
