package dev.preflight.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.testsupport.SilentDnsServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ResolverConfig;

/**
 * A DNS server that never answers: every lookup ends at the probe's deadline, through
 * {@code --dns-server} and through the system path alike, and A and AAAA are asked at once rather
 * than one after the other.
 */
class ResolverDeadlineTest {
    private static final Duration DEADLINE = Duration.ofMillis(700);
    /** Generous for a loaded CI machine, and still well under two deadlines back to back. */
    private static final long SLACK_MILLIS = 500;

    @Test
    void aSilentDnsServerEndsAtTheDeadlineWithBothQuestionsAsked() throws IOException {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            Resolver resolver = Network.of(Contexts.with(
                    NetworkSettings.builder().dnsServer(silent.address()).build(), DEADLINE)).resolver();

            long start = System.nanoTime();
            assertThatThrownBy(() -> resolver.addresses("shop.test", 443))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessageContaining("did not answer").hasMessageContaining("before the deadline");
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertThat(elapsed).isBetween(DEADLINE.toMillis() - 50, DEADLINE.toMillis() + SLACK_MILLIS);
            assertThat(silent.queries()).as("A and AAAA both sent").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aRecordLookupAtASilentServerEndsAtTheDeadline() throws IOException {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            Resolver resolver = Network.of(Contexts.with(
                    NetworkSettings.builder().dnsServer(silent.address()).build(), DEADLINE)).resolver();

            long start = System.nanoTime();
            assertThatThrownBy(() -> resolver.txt("_dmarc.shop.test")).isInstanceOf(DeadlineExceededException.class);

            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis())
                    .isLessThan(DEADLINE.toMillis() + SLACK_MILLIS);
        }
    }

    @Test
    void theSystemPathEndsAtTheDeadlineToo() throws Exception {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            asSystemDnsServer(silent, () -> {
                Resolver resolver = Network.of(Contexts.with(NetworkSettings.system(), DEADLINE)).resolver();

                long start = System.nanoTime();
                assertThatThrownBy(() -> resolver.addresses("shop.test", 443))
                        .isInstanceOf(DeadlineExceededException.class)
                        .hasMessageContaining("the system's DNS servers (127.0.0.1:" + silent.port() + ")");
                long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

                assertThat(elapsed).isLessThan(DEADLINE.toMillis() + SLACK_MILLIS);
                assertThat(silent.queries()).isGreaterThanOrEqualTo(2);
            });
        }
    }

    @Test
    void localhostIsAnsweredWithoutAskingAnyDnsServer() throws Exception {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            asSystemDnsServer(silent, () -> {
                Resolver resolver = Network.of(Contexts.with(NetworkSettings.system(), DEADLINE)).resolver();

                long start = System.nanoTime();
                assertThat(resolver.addresses("localhost", 443)).allSatisfy(a -> assertThat(a.isLoopbackAddress())
                        .isTrue());
                assertThat(resolver.addresses("api.localhost", 443)).isNotEmpty();

                assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isLessThan(DEADLINE.toMillis());
                assertThat(silent.queries()).isZero();
            });
        }
    }

    /** A check run while dnsjava takes {@code server} for the system's DNS server, as resolv.conf would name it. */
    private interface Check {
        void run() throws Exception;
    }

    private static void asSystemDnsServer(SilentDnsServer server, Check check) throws Exception {
        String before = System.getProperty("dns.server");
        // dnsjava reads the system's servers from this property before resolv.conf.
        System.setProperty("dns.server", "127.0.0.1:" + server.port());
        ResolverConfig.refresh();
        try {
            check.run();
        } finally {
            if (before == null) {
                System.clearProperty("dns.server");
            } else {
                System.setProperty("dns.server", before);
            }
            ResolverConfig.refresh();
        }
    }

    @Test
    void noTimeLeftFailsAtOnceWithoutAsking() throws IOException {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            // A context whose deadline has already passed, as a probe's late step sees it.
            Resolver resolver = Network.of(Contexts.with(NetworkSettings.builder().dnsServer(silent.address()).build(),
                    DEADLINE).withDeadline(Instant.now().minusMillis(1))).resolver();

            assertThatThrownBy(() -> resolver.txt("shop.test")).isInstanceOf(DeadlineExceededException.class);
            assertThat(silent.queries()).isZero();
        }
    }
}
