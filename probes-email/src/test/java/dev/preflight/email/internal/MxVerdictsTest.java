package dev.preflight.email.internal;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.net.NoRouteToHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An IPv6 address with no route from the checking machine (most CI runners and many cloud VMs have
 * none) says nothing about the host: it decides nothing while the host's IPv4 address was checked,
 * and is an ERROR only when it leaves its host unverified.
 */
class MxVerdictsTest {
    private static final MailHosts TWO_HOSTS = new MailHosts(MailHosts.Source.MX,
            List.of("mx1.shop.test", "mx2.shop.test"), List.of("10 mx1.shop.test.", "20 mx2.shop.test."));

    @Test
    void anUnroutedIpv6AddressBesideACheckedIpv4AddressDecidesNothing() {
        Result result = MxVerdicts.fold("shop.test", TWO_HOSTS, List.of(), 25, List.of(
                pass("mx1.shop.test", "127.0.0.2"), noRoute("mx1.shop.test", "2001:db8::2"),
                pass("mx2.shop.test", "127.0.0.3")));

        assertThat(result).isPass().hasSummaryContaining("every MX host of shop.test offers STARTTLS")
                .hasGauge("tls_certificate_expiry_timestamp_seconds", t -> t == 1803859200L);
        org.assertj.core.api.Assertions.assertThat(result.gauges()).extracting(g -> g.labels().get("host"))
                .containsExactly("mx1.shop.test", "mx2.shop.test");
        org.assertj.core.api.Assertions.assertThat(result.details().get("hosts").toString())
                .contains("2001:db8::2: skip, not checked: no IPv6 route");
    }

    @Test
    void aHostReachableOnlyOverAnUnroutedIpv6AddressIsUnverified() {
        Result result = MxVerdicts.fold("shop.test", TWO_HOSTS, List.of(), 25, List.of(
                pass("mx1.shop.test", "127.0.0.2"), noRoute("mx2.shop.test", "2001:db8::3")));

        assertThat(result).hasStatus(Status.ERROR).hasSummaryContaining("mx2.shop.test (2001:db8::3): cannot check:"
                + " no IPv6 route from this machine");
    }

    private static MxVerdict pass(String host, String address) {
        return MxVerdict.of(host, address, Status.PASS, "STARTTLS with TLSv1.3, certificate valid", null)
                .withCertificateExpiry(java.time.Instant.parse("2027-03-01T00:00:00Z"));
    }

    private static MxVerdict noRoute(String host, String address) {
        return new MxVerdict(host, address, Status.SKIP, "not checked: no IPv6 route from this machine (cannot reach ["
                + address + "]:25: no route to host)", null, true, new NoRouteToHostException("No route to host"), null);
    }
}
