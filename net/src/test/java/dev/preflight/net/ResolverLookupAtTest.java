package dev.preflight.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.SilentDnsServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Questions to one named server ({@code dig @server}) against a private knotd: its own zone is
 * answered with authority, another zone is refused, nothing is cached, and a silent server ends at
 * the deadline.
 */
class ResolverLookupAtTest {
    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder().zone(DnsZone.named("shop.test")
                .record("@", "SOA", "ns1.shop.test. hostmaster.shop.test. 2026120601 3600 600 86400 300")
                .a("@", "127.0.0.10").cname("www", "shops.example.net.")).start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    /** A resolver whose run goes elsewhere: a direct question ignores the run's DNS server. */
    private static Resolver resolver(Duration timeout) {
        return Network.of(Contexts.with(NetworkSettings.system(), timeout)).resolver();
    }

    @Test
    void aServerAnswersForItsOwnZoneWithAuthority() throws IOException {
        DnsAnswer soa = resolver(Duration.ofSeconds(5)).lookupAt(dns.address(), "shop.test", Type.SOA, false);

        assertThat(soa.found()).isTrue();
        assertThat(soa.authoritative()).isTrue();
        assertThat(soa.records(SOARecord.class)).singleElement()
                .satisfies(r -> assertThat(r.getSerial()).isEqualTo(2026120601L));
        assertThat(soa.server()).isEqualTo("127.0.0.1:" + dns.port());
    }

    @Test
    void aZoneTheServerDoesNotServeIsRefusedWithoutAuthority() throws IOException {
        DnsAnswer other = resolver(Duration.ofSeconds(5)).lookupAt(dns.address(), "other.test", Type.SOA, false);

        assertThat(other.outcome()).isEqualTo(DnsAnswer.Outcome.SERVER_FAILURE);
        assertThat(other.reason()).hasValue("REFUSED");
        assertThat(other.authoritative()).isFalse();
    }

    @Test
    void aCnameIsReturnedAsAskedAndNotFollowed() throws IOException {
        Resolver resolver = resolver(Duration.ofSeconds(5));

        assertThat(resolver.lookupAt(dns.address(), "www.shop.test", Type.CNAME, true).records(CNAMERecord.class))
                .singleElement().satisfies(r -> assertThat(r.getTarget().toString()).isEqualTo("shops.example.net."));
        // An authoritative server does not chase a CNAME out of its zone: no A record in the answer.
        assertThat(resolver.lookupAt(dns.address(), "www.shop.test", Type.A, true).outcome())
                .isEqualTo(DnsAnswer.Outcome.NO_RECORDS);
        assertThat(resolver.lookupAt(dns.address(), "shop.test", Type.A, true).records(ARecord.class))
                .extracting(r -> r.getAddress().getHostAddress()).containsExactly("127.0.0.10");
    }

    @Test
    void aMissingNameIsNoSuchNameWithAuthority() throws IOException {
        DnsAnswer missing = resolver(Duration.ofSeconds(5)).lookupAt(dns.address(), "nowhere.shop.test", Type.A, false);

        assertThat(missing.outcome()).isEqualTo(DnsAnswer.Outcome.NO_SUCH_NAME);
        assertThat(missing.authoritative()).isTrue();
    }

    @Test
    void everyCallAsksTheServerAgain() throws IOException {
        try (CountingDnsProxy proxy = new CountingDnsProxy(dns.address())) {
            Resolver resolver = resolver(Duration.ofSeconds(5));

            resolver.lookupAt(proxy.address(), "shop.test", Type.SOA, false);
            resolver.lookupAt(proxy.address(), "shop.test", Type.SOA, false);

            assertThat(proxy.questions()).containsExactly("SOA shop.test.", "SOA shop.test.");
        }
    }

    @Test
    void aSilentServerEndsAtTheDeadline() throws IOException {
        Duration deadline = Duration.ofMillis(600);
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            Resolver resolver = resolver(deadline);

            long start = System.nanoTime();
            assertThatThrownBy(() -> resolver.lookupAt(silent.address(), "shop.test", Type.SOA, false))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessageContaining(String.valueOf(silent.port())).hasMessageContaining("did not answer");
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertThat(elapsed).isBetween(deadline.toMillis() - 50, deadline.toMillis() + 500);
            assertThat(silent.queries()).isPositive();
        }
    }
}
