package dev.preflight.host;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.FreePorts;
import dev.preflight.testsupport.RedisTestServer;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code net.open-ports} against real listeners, a real Redis and a real DNS server on 127.0.0.0/8. */
class OpenPortsProbeTest {
    private final Listeners listeners = new Listeners();

    @AfterEach
    void close() throws Exception {
        listeners.close();
    }

    private static ProbeTestKit kit(String url) {
        return ProbeTestKit.forProbe(new OpenPortsProbe()).allowWrites(true).target(Target.web(url));
    }

    @Test
    void aReachableRedisFailsNamingServiceAddressAndFix() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().start()) {
            int closed = FreePorts.tcp();
            Result result = kit("https://127.0.0.1:" + listeners.accepting(FreePorts.LOOPBACK) + "/")
                    .setting("ports", redis.port() + ":redis," + closed + ":mysql").run().result();

            assertThat(result).isFail().hasSummaryContaining("Redis (" + redis.port() + ") on 127.0.0.1")
                    .hasRemediationContaining("security group").hasRemediationContaining("private interface")
                    .hasSubject("127.0.0.1:" + redis.port()).hasDetail("open", 1L).hasDetail("refused", 1L);
        }
    }

    @Test
    void anOpenPortOfAnotherServiceWarns() throws Exception {
        int ftp = listeners.accepting(FreePorts.LOOPBACK);
        Result result = kit("https://127.0.0.1/").setting("ports", ftp + ":ftp").run().result();

        assertThat(result).isWarn().hasSummaryContaining("FTP (" + ftp + ") on 127.0.0.1")
                .hasRemediationContaining("expected");
    }

    @Test
    void aDatastoreNextToAnUnexpectedPortStillFails() throws Exception {
        int db = listeners.accepting(FreePorts.LOOPBACK);
        int vnc = listeners.accepting(FreePorts.LOOPBACK);
        Result result = kit("https://127.0.0.1/").setting("ports", vnc + ":vnc," + db + ":postgres").run().result();

        assertThat(result).isFail().hasSummaryContaining("PostgreSQL (" + db + ")")
                .hasSummaryContaining("also open: VNC (" + vnc + ")");
    }

    @Test
    void closedPortsPassWithTheirCounts() throws Exception {
        int[] free = FreePorts.tcp(3);
        Result result = kit("https://127.0.0.1/").setting("ports", free[0] + "," + free[1] + ":redis," + free[2] + ":docker")
                .run().result();

        assertThat(result).isPass().hasSummaryContaining("3 refused, 0 filtered").hasDetail("refused", 3L);
    }

    @Test
    void anExpectedPortIsRecordedNotJudged() throws Exception {
        int port = listeners.accepting(FreePorts.LOOPBACK);
        int[] closed = FreePorts.tcp(2);
        Result result = kit("https://127.0.0.1/").setting("ports", port + ":redis," + closed[0] + ":redis")
                .setting("expected", port + "," + closed[1]).run().result();

        assertThat(result).isPass().hasDetail("refused", 1L);
        assertThat(result.details().get("expected").toString()).contains(port + " open").contains(closed[1] + " refused");
    }

    @Test
    void whenEveryPortIsExpectedThereIsNothingToJudge() throws Exception {
        Result result = kit("https://127.0.0.1/").setting("ports", "443:redis").run().result();

        assertThat(result).isSkip().hasSummaryContaining("nothing to judge");
    }

    @Test
    void theSitesOwnPortIsExpected() throws Exception {
        int site = listeners.accepting(FreePorts.LOOPBACK);
        int closed = FreePorts.tcp();
        Result result = kit("http://127.0.0.1:" + site + "/").setting("ports", site + ":redis," + closed + ":redis")
                .run().result();

        assertThat(result).isPass().hasDetail("refused", 1L);
    }

    @Test
    void aPortWhoseQueueDropsConnectionsCountsAsFilteredWithinTheDeadline() throws Exception {
        int filtered = listeners.silent();
        ProbeOutcome outcome = kit("https://127.0.0.1/").setting("ports", filtered + ":redis")
                .setting("connect-timeout", "10s").timeout(Duration.ofSeconds(1)).run();

        assertThat(outcome.result()).isPass().hasSummaryContaining("0 refused, 1 filtered");
        assertThat(outcome.duration()).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void everyAddressOfTheHostIsTried() throws Exception {
        DnsTestServer.assumeAvailable();
        int port = listeners.accepting(InetAddress.getByName("127.0.0.2"));
        try (DnsTestServer dns = DnsTestServer.builder()
                .zone(DnsZone.named("ports.test").a("shop", "127.0.0.1").a("shop", "127.0.0.2")).start()) {
            Target shop = Target.builder("shop", TargetKind.WEB).uri(URI.create("https://shop.ports.test/"))
                    .attribute("environment", "staging").build();
            Result result = ProbeTestKit.forProbe(new OpenPortsProbe()).allowWrites(true).target(shop)
                    .network(NetworkSettings.builder().dnsServer(dns.address()).build())
                    .setting("ports", port + ":mongodb").run().result();

            assertThat(result).isFail().hasSummaryContaining("MongoDB (" + port + ") on 127.0.0.2")
                    .hasDetail("refused", 1L);
            assertThat(result.details().get("addresses").toString()).contains("127.0.0.1").contains("127.0.0.2");
        }
    }

    @Test
    void aHostWithoutAddressIsAnError() throws Exception {
        DnsTestServer.assumeAvailable();
        try (DnsTestServer dns = DnsTestServer.builder().zone(DnsZone.named("ports.test").a("shop", "127.0.0.1"))
                .start()) {
            Target gone = Target.builder("gone", TargetKind.WEB).uri(URI.create("https://gone.ports.test/"))
                    .attribute("environment", "staging").build();
            Result result = ProbeTestKit.forProbe(new OpenPortsProbe()).allowWrites(true).target(gone)
                    .network(NetworkSettings.builder().dnsServer(dns.address()).build()).run().result();

            assertThat(result).isError().hasSummaryContaining("cannot resolve gone.ports.test");
        }
    }

    @Test
    void aTemplateHostIsNeverScanned() {
        Result result = kit("https://your-domain.com/").run().result();

        assertThat(result).isFail().hasSummaryContaining("not scanned").hasSummaryContaining("template");
        assertThat(result.details()).doesNotContainKey("addresses");
    }

    @Test
    void itRunsOnlyWhenNamed() {
        ProbeOutcome outcome = ProbeTestKit.forProbe(new OpenPortsProbe()).target(Target.web("https://127.0.0.1/")).run();

        assertThat(outcome.result()).isSkip().hasSummaryContaining("did not name it");
    }

    @Test
    void aMalformedPortSettingIsAnErrorNamingIt() {
        Result result = kit("https://127.0.0.1/").setting("extra-ports", "70000:redis").run().result();

        assertThat(result).isError().hasSummaryContaining("net.open-ports.extra-ports")
                .hasSummaryContaining("70000");
    }
}
