package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Answers too large for UDP: knotd sets TC, and the probes still read every record, whole, because
 * the lookup is asked again over TCP. Each test first shows, with a plain UDP query, that the
 * answer really is truncated there.
 */
class TruncatedAnswerTest {
    /** Thirty ranges: the SPF record alone is several 255-byte strings long, and -all comes last. */
    private static final String SPF = "v=spf1 " + IntStream.range(0, 30).mapToObj(i -> "ip4:198.51." + i + ".0/24")
            .collect(Collectors.joining(" ")) + " include:_spf.big.test -all";
    /** RFC 6376 3.6.1 n=: notes for humans; they make the 4096-bit key's record outgrow a UDP answer. */
    private static final String NOTES = "n=" + "Rotated yearly by the mail team, ask postmaster for the private half. "
            .repeat(9) + ";";

    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        DnsZone zone = DnsZone.named("big.test").a("@", "127.0.0.50").txt("@", SPF)
                .txt("_spf", "v=spf1 ip4:203.0.113.0/24 -all")
                .txt("big._domainkey", "v=DKIM1; k=rsa; " + NOTES + " p=" + publicKey("rsa-4096.pem"));
        // The verification tokens a busy apex collects: other TXT records beside the SPF record.
        for (int i = 0; i < 20; i++) {
            zone.txt("@", "site-verification-" + i + "=" + "x".repeat(180));
        }
        dns = DnsTestServer.builder().zone(zone).start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void anSpfRecordInATruncatedAnswerIsReadWholeOverTcp() throws IOException {
        assertThat(truncatedOverUdp("big.test.")).as("TC over UDP").isTrue();

        Result result = DnsZones.kit(new SpfProbe(), dns, "big.test").run().result();

        assertThat(result).isPass().hasSummaryContaining("ends in -all, with 1 of 10 DNS lookups")
                .hasDetail("record", SPF);
    }

    @Test
    void aDkimKeyInATruncatedAnswerIsReadWholeOverTcp() throws IOException {
        assertThat(truncatedOverUdp("big._domainkey.big.test.")).as("TC over UDP").isTrue();

        Result result = DnsZones.kit(new DkimProbe(), dns, "big.test").setting("selectors", "big").run().result();

        assertThat(result).isPass().hasDetail("keyBits", 4096);
    }

    /** A key from a file, as generating a 4096-bit key takes seconds on a loaded machine. */
    private static String publicKey(String resource) throws IOException {
        try (InputStream in = TruncatedAnswerTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(line -> !line.startsWith("-----")).collect(Collectors.joining());
        }
    }

    /** @return whether knotd's UDP answer to TXT {@code name}, asked as the probes ask, has the TC flag */
    private static boolean truncatedOverUdp(String name) throws IOException {
        SimpleResolver udp = dns.resolver();
        // Without this dnsjava would itself ask again over TCP and hide the flag.
        udp.setIgnoreTruncation(true);
        Message response = udp.send(Message.newQuery(Record.newRecord(Name.fromString(name), Type.TXT, DClass.IN)));
        return response.getHeader().getFlag(Flags.TC);
    }
}
