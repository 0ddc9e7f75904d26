package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class DnsTestServerTest {
    private static final String LONG_VALUE = "v=DKIM1; k=rsa; p=" + "A".repeat(600 - 18);

    private static DnsTestServer dns;

    @BeforeAll
    static void start() throws IOException {
        // CI must run this test; elsewhere a missing knotd skips it visibly rather than failing the build.
        DnsTestServer.assumeAvailable();
        dns = DnsTestServer.builder()
                .zone(DnsZone.named("shop.test")
                        .a("@", "192.0.2.10")
                        .aaaa("@", "2001:db8::10")
                        .mx("@", 10, "mail.shop.test.")
                        .a("mail", "192.0.2.25")
                        .txt("@", "v=spf1 ip4:192.0.2.0/24 -all")
                        .txt("selector1._domainkey", LONG_VALUE)
                        .txtStrings("quoted", "say \"hi\"", "back\\slash", "caf\u00e9")
                        .caa("@", 0, "issue", "letsencrypt.org")
                        .tlsa("_25._tcp.mail", 3, 1, 1, new byte[32])
                        .cname("www", "shop.test."))
                .zone("other.test", "$TTL 60\n@ SOA ns1 hostmaster 7 3600 600 86400 60\n@ NS ns1\nns1 A 127.0.0.1\n"
                        + "@ A 192.0.2.77\n")
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void answersAOverUdpAndTcp() throws IOException {
        SimpleResolver tcp = dns.resolver();
        tcp.setTCP(true);

        for (SimpleResolver resolver : List.of(dns.resolver(), tcp)) {
            Message response = resolver.send(query("shop.test.", Type.A));
            assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(answers(response, ARecord.class)).extracting(a -> a.getAddress().getHostAddress())
                    .containsExactly("192.0.2.10");
        }
        assertThat(answers(dns.resolver().send(query("other.test.", Type.A)), ARecord.class))
                .extracting(a -> a.getAddress().getHostAddress()).containsExactly("192.0.2.77");
    }

    @Test
    void answersTxtAndMx() throws IOException {
        List<TXTRecord> txt = answers(dns.resolver().send(query("shop.test.", Type.TXT)), TXTRecord.class);
        List<MXRecord> mx = answers(dns.resolver().send(query("shop.test.", Type.MX)), MXRecord.class);

        assertThat(txt).singleElement().extracting(TXTRecord::getStrings)
                .isEqualTo(List.of("v=spf1 ip4:192.0.2.0/24 -all"));
        assertThat(mx).singleElement().satisfies(r -> {
            assertThat(r.getPriority()).isEqualTo(10);
            assertThat(r.getTarget()).hasToString("mail.shop.test.");
        });
    }

    @Test
    void aLongTxtValueRoundTripsAsSeveralStrings() throws IOException {
        Message response = dns.resolver().send(query("selector1._domainkey.shop.test.", Type.TXT));

        List<String> strings = answers(response, TXTRecord.class).get(0).getStrings();
        assertThat(strings).extracting(String::length).containsExactly(255, 255, 90);
        assertThat(String.join("", strings)).isEqualTo(LONG_VALUE);
    }

    @Test
    void quotesAndNonAsciiSurviveTheZoneFile() throws IOException {
        List<byte[]> strings = answers(dns.resolver().send(query("quoted.shop.test.", Type.TXT)), TXTRecord.class)
                .get(0).getStringsAsByteArrays();

        assertThat(strings).extracting(b -> new String(b, StandardCharsets.UTF_8))
                .containsExactly("say \"hi\"", "back\\slash", "caf\u00e9");
    }

    @Test
    void servesAaaaCaaTlsaNsAndCname() throws IOException {
        SimpleResolver resolver = dns.resolver();

        assertThat(answers(resolver.send(query("shop.test.", Type.AAAA)), AAAARecord.class))
                .extracting(r -> r.getAddress().getHostAddress()).containsExactly("2001:db8:0:0:0:0:0:10");
        assertThat(answers(resolver.send(query("shop.test.", Type.CAA)), CAARecord.class))
                .singleElement().satisfies(r -> {
                    assertThat(r.getTag()).isEqualTo("issue");
                    assertThat(r.getValue()).isEqualTo("letsencrypt.org");
                });
        assertThat(answers(resolver.send(query("_25._tcp.mail.shop.test.", Type.TLSA)), TLSARecord.class))
                .singleElement().satisfies(r -> {
                    assertThat(r.getCertificateUsage()).isEqualTo(3);
                    assertThat(r.getCertificateAssociationData()).isEqualTo(new byte[32]);
                });
        assertThat(resolver.send(query("shop.test.", Type.NS)).getSection(Section.ANSWER))
                .extracting(Record::rdataToString).containsExactly("ns1.shop.test.");
        assertThat(answers(resolver.send(query("www.shop.test.", Type.A)), CNAMERecord.class))
                .extracting(r -> r.getTarget().toString()).containsExactly("shop.test.");
    }

    @Test
    void namesOutsideItsZonesAreRefused() throws IOException {
        assertThat(dns.resolver().send(query("example.org.", Type.A)).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void signedZonesCarrySignaturesAndKeys() throws IOException {
        try (DnsTestServer signed = DnsTestServer.builder().signed(true)
                .zone(DnsZone.named("secure.test").a("@", "192.0.2.1")).start()) {
            Message query = query("secure.test.", Type.A);
            query.addRecord(new OPTRecord(1232, 0, 0, Flags.DO), Section.ADDITIONAL);

            Message response = signed.resolver().send(query);
            Message keys = signed.resolver().send(query("secure.test.", Type.DNSKEY));

            assertThat(response.getSection(Section.ANSWER)).extracting(Record::getType)
                    .containsExactlyInAnyOrder(Type.A, Type.RRSIG);
            assertThat(keys.getSection(Section.ANSWER)).extracting(Record::getType).contains(Type.DNSKEY);
        }
    }

    @Test
    void closeStopsKnotdAndDeletesTheDirectory() throws IOException {
        DnsTestServer server = DnsTestServer.builder().zone(DnsZone.named("brief.test")).start();
        ProcessHandle process = server.process();
        Path dir = server.directory();

        server.close();

        assertThat(process.isAlive()).isFalse();
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void aRejectedZoneFailsWithKnotdsOwnMessage() {
        assertThatThrownBy(() -> DnsTestServer.builder()
                .zone(DnsZone.named("broken.test").a("bad", "999.1.1.1")).start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("knotd rejected a zone")
                .hasMessageContaining("invalid IPv4 address");
    }

    @Test
    void serversOnTwoLoopbackAddressesShareOnePort() throws IOException {
        InetAddress first = InetAddress.getByName("127.0.0.2");
        String zone = "@ SOA ns1 hostmaster %d 3600 600 86400 60\n@ NS ns1\nns1 A 127.0.0.2\n";
        try (DnsTestServer one = DnsTestServer.builder().listen(first, 0).zone("pair.test", zone.formatted(5)).start();
                DnsTestServer two = DnsTestServer.builder().listen(InetAddress.getByName("127.0.0.3"), one.port())
                        .zone("pair.test", zone.formatted(6)).start()) {
            assertThat(two.port()).isEqualTo(one.port());
            assertThat(one.address().getAddress()).isEqualTo(first);
            assertThat(serial(one)).isEqualTo(5);
            assertThat(serial(two)).isEqualTo(6);
        }
    }

    @Test
    void onlyLoopbackAddressesAreListenedOn() {
        assertThatThrownBy(() -> DnsTestServer.builder().listen(InetAddress.getByName("192.0.2.1"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.0/8");
    }

    private static long serial(DnsTestServer server) throws IOException {
        Message response = new SimpleResolver(server.address()).send(query("pair.test.", Type.SOA));
        return answers(response, org.xbill.DNS.SOARecord.class).get(0).getSerial();
    }

    @Test
    void anUnloadableZoneGetsServfailOverUdpAndTcpBesideAServedOne() throws IOException {
        try (DnsTestServer server = DnsTestServer.builder().zone(DnsZone.named("fine.test").a("@", "192.0.2.1"))
                .unloadableZone("broken.test").start()) {
            SimpleResolver tcp = server.resolver();
            tcp.setTCP(true);

            assertThat(server.resolver().send(query("_dmarc.broken.test.", Type.TXT)).getRcode())
                    .isEqualTo(Rcode.SERVFAIL);
            assertThat(tcp.send(query("broken.test.", Type.MX)).getRcode()).isEqualTo(Rcode.SERVFAIL);
            assertThat(answers(server.resolver().send(query("fine.test.", Type.A)), ARecord.class)).hasSize(1);
            assertThat(server.zones()).containsExactly("fine.test.");
        }
    }

    private static Message query(String name, int type) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    }

    private static <T extends Record> List<T> answers(Message response, Class<T> type) {
        return response.getSection(Section.ANSWER).stream().filter(type::isInstance).map(type::cast).toList();
    }
}
