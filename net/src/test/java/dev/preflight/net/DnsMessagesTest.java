package dev.preflight.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.SilentDnsServer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Whole messages to {@code --dns-server}: the answer as sent, and the deadline when none comes. */
class DnsMessagesTest {
    private static final Duration DEADLINE = Duration.ofMillis(700);

    private static Message soa(String name) throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString(name), Type.SOA, DClass.IN));
    }

    @Test
    void theServersWholeAnswerComesBack() throws IOException {
        DnsTestServer.assumeAvailable();
        DnsZone zone = DnsZone.named("shop.test").a("@", "127.0.0.51");
        try (DnsTestServer dns = DnsTestServer.builder().zone(zone).start()) {
            DnsMessages messages = DnsMessages.of(Contexts.with(
                    NetworkSettings.builder().dnsServer(dns.address()).build(), Duration.ofSeconds(5)));

            Message answer = messages.send(soa("www.shop.test."));

            assertThat(answer.getRcode()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(answer.getSection(Section.AUTHORITY)).anyMatch(r -> r.getType() == Type.SOA
                    && r.getName().toString().equals("shop.test."));
            assertThat(messages.describe()).isEqualTo("the DNS server 127.0.0.1:" + dns.port());
        }
    }

    @Test
    void aSilentServerEndsAtTheDeadline() throws IOException {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            // Made first: loading dnsjava's classes must not eat the deadline.
            Message query = soa("shop.test.");
            DnsMessages messages = DnsMessages.of(Contexts.with(
                    NetworkSettings.builder().dnsServer(silent.address()).build(), DEADLINE));

            long start = System.nanoTime();
            assertThatThrownBy(() -> messages.send(query))
                    .isInstanceOf(DeadlineExceededException.class)
                    .hasMessageContaining("did not answer SOA shop.test before the deadline");

            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis())
                    .isBetween(DEADLINE.toMillis() - 50, DEADLINE.toMillis() + 500);
            assertThat(silent.queries()).isGreaterThanOrEqualTo(1);
        }
    }
}
