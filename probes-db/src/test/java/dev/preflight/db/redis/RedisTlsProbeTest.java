package dev.preflight.db.redis;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.RedisTestServer;
import dev.preflight.testsupport.TestCertificates;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code redis.tls} against TLS-only redis-servers serving minted chains, reached as
 * {@code redis.test} through a {@code --resolve}-style override, with the minted root trusted as
 * {@code --ca-file} would; and the plaintext cases, which need no server.
 */
class RedisTlsProbeTest {
    private static final String HOST = "redis.test";
    private static final String PASSWORD = "tls-pw-4e2a";
    private static final HeldCertificate ROOT = TestCertificates.builder("Preflight Test Root")
            .certificateAuthority(1).build();
    private static RedisTestServer valid;
    private static RedisTestServer expired;
    private static RedisTestServer otherName;

    @BeforeAll
    static void start() throws Exception {
        RedisTestServer.assumeAvailable();
        Instant now = Instant.now();
        valid = server(leaf(HOST, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90))));
        expired = server(leaf(HOST, now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(2))));
        otherName = server(leaf("elsewhere.test", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(90))));
    }

    private static HeldCertificate leaf(String name, Instant from, Instant until) {
        return TestCertificates.builder(name).dnsNames(name).validity(from, until).signedBy(ROOT).build();
    }

    private static RedisTestServer server(HeldCertificate leaf) throws Exception {
        return RedisTestServer.builder().requirePass(PASSWORD).tls(leaf).plaintext(false).start();
    }

    @AfterAll
    static void stop() {
        for (RedisTestServer redis : new RedisTestServer[] {valid, expired, otherName}) {
            if (redis != null) {
                redis.close();
            }
        }
    }

    @Test
    void aTrustedCertificateForTheHostPassesAndReadsLikeTlsCertificate() {
        Result result = run(new RedisTlsProbe(), valid);

        assertThat(result).isPass().hasSummaryContaining("certificate for redis.test is trusted and valid for")
                .hasSubject(HOST + ":" + valid.tlsPort())
                .hasDetail("sans", List.of(HOST))
                .hasDetailKey("protocol")
                .hasDetailKey("notAfter");
    }

    @Test
    void anExpiredCertificateFailsAndTheCredentialsAreNotSent() {
        Result tls = run(new RedisTlsProbe(), expired);
        Result auth = run(new RedisAuthProbe(), expired);

        assertThat(tls).isFail().hasSummaryContaining("expired");
        assertThat(auth).isError().hasSummaryContaining("credentials were not sent")
                .hasSummaryContaining("redis.tls");
    }

    @Test
    void aCertificateForAnotherNameFails() {
        Result result = run(new RedisTlsProbe(), otherName);

        assertThat(result).isFail().hasSummaryContaining(HOST);
    }

    @Test
    void anUntrustedRootFailsWhenTheRunDoesNotTrustIt() {
        Result result = ProbeTestKit.forProbe(new RedisTlsProbe()).target(target(valid))
                .network(NetworkSettings.builder()
                        .hostOverride(new HostOverride(HOST, valid.tlsPort(), InetAddress.getLoopbackAddress()))
                        .build())
                .run().result();

        assertThat(result).isFail().hasDetail("sans", List.of(HOST));
    }

    @Test
    void theCredentialsWorkOverAVerifiedConnection() {
        assertThat(run(new RedisAuthProbe(), valid)).isPass().hasDetail("login", "accepted");
    }

    @Test
    void plaintextToARemoteHostWarnsThatThePasswordTravelsInClear() {
        Result result = ProbeTestKit.forProbe(new RedisTlsProbe())
                .target(Target.forUrl("redis://:" + PASSWORD + "@cache.internal.test:6379")).run().result();

        assertThat(result).isWarn().hasSummaryContaining("plaintext to a remote host")
                .hasSummaryContaining("the password").hasDetail("tls", false)
                .hasRemediationContaining("rediss://");
    }

    @Test
    void plaintextToLoopbackPasses() {
        for (String url : List.of("redis://127.0.0.1:6379", "redis://localhost:6379", "redis://[::1]:6379")) {
            Result result = ProbeTestKit.forProbe(new RedisTlsProbe()).target(Target.forUrl(url)).run().result();

            assertThat(result).isPass().hasSummaryContaining("loopback").hasDetail("tls", false);
        }
    }

    private static Target target(RedisTestServer redis) {
        return Target.forUrl("rediss://:" + PASSWORD + "@" + HOST + ":" + redis.tlsPort());
    }

    private static Result run(Probe probe, RedisTestServer redis) {
        return ProbeTestKit.forProbe(probe).target(target(redis))
                .network(NetworkSettings.builder().trust(List.of(ROOT.certificate()))
                        .hostOverride(new HostOverride(HOST, redis.tlsPort(), InetAddress.getLoopbackAddress()))
                        .build())
                .run().result();
    }
}
