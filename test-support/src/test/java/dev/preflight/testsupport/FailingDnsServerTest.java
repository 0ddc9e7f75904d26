package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class FailingDnsServerTest {

    @Test
    void everyQueryGetsTheCodeWithItsOwnQuestion() throws IOException {
        try (FailingDnsServer failing = FailingDnsServer.start(Rcode.SERVFAIL)) {
            SimpleResolver resolver = new SimpleResolver(failing.address());
            resolver.setTimeout(Duration.ofSeconds(2));
            Record question = Record.newRecord(Name.fromString("shop.test."), Type.SOA, DClass.IN);

            Message answer = resolver.send(Message.newQuery(question));

            assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
            assertThat(answer.getQuestion()).isEqualTo(question);
            assertThat(failing.queries()).isEqualTo(1);
        }
    }
}
