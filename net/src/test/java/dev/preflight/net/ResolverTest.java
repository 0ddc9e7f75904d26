package dev.preflight.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.ProbeContext;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.TLSARecord;

/** Lookups against a private knotd serving a zone file, asked as {@code --dns-server}. */
class ResolverTest {
    private static final String LONG_DKIM = "v=DKIM1; k=rsa; p=" + "A".repeat(400);
    private static DnsTestServer dns;

    @BeforeAll
    static void serveTheZone() throws IOException {
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder().zone(DnsZone.named("shop.test")
                .a("@", "127.0.0.10").a("@", "127.0.0.11").aaaa("@", "::1")
                .a("v4only", "127.0.0.12")
                .cname("www", "shop.test.")
                .mx("@", 10, "mail.shop.test.").a("mail", "127.0.0.13")
                .txt("@", "v=spf1 include:_spf.shop.test -all")
                .txt("selector1._domainkey", LONG_DKIM)
                .txt("tabbed", "v=DKIM1; p=MIIB\tAQAB \"quoted\"")
                .caa("@", 0, "issue", "letsencrypt.org")
                .tlsa("_25._tcp.mail", 3, 1, 1, new byte[32])
                .ns("@", "ns1.shop.test.").a("ns1", "127.0.0.53")).start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static Resolver resolver() {
        return resolver(NetworkSettings.builder().dnsServer(dns.address()).build());
    }

    private static Resolver resolver(NetworkSettings network) {
        ProbeContext context = Contexts.with(network, Duration.ofSeconds(5));
        return Network.of(context).resolver();
    }

    @Test
    void aAndAaaaRecordsAreBothReturnedIpv4First() throws IOException {
        assertThat(resolver().addresses("shop.test", 443)).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.10", "127.0.0.11", "0:0:0:0:0:0:0:1");
    }

    @Test
    void aNameWithOnlyAnARecordResolves() throws IOException {
        assertThat(resolver().addresses("v4only.shop.test", 443)).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.12");
    }

    @Test
    void aCnameIsFollowed() throws IOException {
        assertThat(resolver().addresses("www.shop.test", 443)).extracting(InetAddress::getHostAddress)
                .contains("127.0.0.10");
    }

    @Test
    void anUnknownNameIsAnUnknownHostNamingTheServer() {
        assertThatThrownBy(() -> resolver().addresses("nowhere.shop.test", 443))
                .isInstanceOf(UnknownHostException.class)
                .hasMessageContaining("no such name").hasMessageContaining(String.valueOf(dns.port()));
    }

    @Test
    void aHostOverrideWinsOverDns() throws IOException {
        NetworkSettings network = NetworkSettings.builder().dnsServer(dns.address())
                .hostOverride(HostOverride.parse("shop.test:443:127.0.0.99")).build();

        assertThat(resolver(network).addresses("shop.test", 443)).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.99");
        assertThat(resolver(network).addresses("shop.test", 8443)).extracting(InetAddress::getHostAddress)
                .contains("127.0.0.10");
    }

    @Test
    void anIpLiteralIsNotLookedUp() throws IOException {
        assertThat(resolver().addresses("[::1]", 443)).extracting(InetAddress::getHostAddress)
                .containsExactly("0:0:0:0:0:0:0:1");
        assertThat(resolver().addresses("127.0.0.7", 443)).extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.7");
    }

    @Test
    void aTxtRecordSplitIntoStringsIsJoinedWhole() throws IOException {
        DnsAnswer dkim = resolver().txt("selector1._domainkey.shop.test");

        assertThat(dkim.found()).isTrue();
        assertThat(dkim.texts()).containsExactly(LONG_DKIM);
        assertThat(resolver().txt("shop.test").texts()).containsExactly("v=spf1 include:_spf.shop.test -all");
    }

    @Test
    void aTxtRecordIsReadAsItsBytesNotItsPresentationForm() throws IOException {
        assertThat(resolver().txt("tabbed.shop.test").texts()).containsExactly("v=DKIM1; p=MIIB\tAQAB \"quoted\"");
    }

    @Test
    void mxCaaTlsaAndNsAnswersCarryTheirRecords() throws IOException {
        Resolver resolver = resolver();

        assertThat(resolver.mx("shop.test").records(MXRecord.class)).singleElement()
                .satisfies(mx -> assertThat(mx.getTarget().toString()).isEqualTo("mail.shop.test."));
        assertThat(resolver.caa("shop.test").records(CAARecord.class)).singleElement()
                .satisfies(caa -> assertThat(caa.getValue()).isEqualTo("letsencrypt.org"));
        assertThat(resolver.tlsa("_25._tcp.mail.shop.test").records(TLSARecord.class)).hasSize(1);
        assertThat(resolver.ns("shop.test").records(NSRecord.class)).hasSize(1);
    }

    @Test
    void noRecordsAndNoSuchNameAreAnswersNotErrors() throws IOException {
        DnsAnswer noTxt = resolver().txt("mail.shop.test");
        DnsAnswer noName = resolver().txt("_dmarc.shop.test");

        assertThat(noTxt.outcome()).isEqualTo(DnsAnswer.Outcome.NO_RECORDS);
        assertThat(noName.outcome()).isEqualTo(DnsAnswer.Outcome.NO_SUCH_NAME);
        assertThat(noName.describe()).startsWith("TXT _dmarc.shop.test: no such name (the DNS server 127.0.0.1:");
    }

    @Test
    void aMalformedNameIsAClearError() {
        assertThatThrownBy(() -> resolver().txt("bad..name.test")).isInstanceOf(IOException.class)
                .hasMessageContaining("not a valid DNS name");
    }

    @Test
    void theSystemPathReadsTheHostsFile() throws IOException {
        List<InetAddress> localhost = resolver(NetworkSettings.system()).addresses("localhost", 443);

        assertThat(localhost).isNotEmpty().allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
    }
}
