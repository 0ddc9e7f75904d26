package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class SilentDnsServerTest {
    @Test
    void aUdpQueryIsReceivedAndTimesOut() throws Exception {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            SimpleResolver resolver = new SimpleResolver(silent.address());
            resolver.setTimeout(Duration.ofMillis(300));
            long started = System.nanoTime();

            // dnsjava reports its own timeout as a plain IOException.
            assertThatThrownBy(() -> resolver.send(query())).isInstanceOf(IOException.class)
                    .hasMessageContaining("Timed out");

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
            assertThat(silent.udpQueries()).isPositive();
        }
    }

    @Test
    void aTcpQueryIsReadAndTimesOut() throws Exception {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            SimpleResolver resolver = new SimpleResolver(silent.address());
            resolver.setTimeout(Duration.ofMillis(300));
            resolver.setTCP(true);

            assertThatThrownBy(() -> resolver.send(query())).isInstanceOf(IOException.class);

            assertThat(silent.tcpConnections()).isEqualTo(1);
            awaitTcpQuery(silent);
            assertThat(silent.tcpQueries()).isEqualTo(1);
            assertThat(silent.queries()).isEqualTo(1);
        }
    }

    @Test
    void anotherLoopbackAddressAndAGivenPortAreListenedOn() throws Exception {
        int port = FreePorts.tcpAndUdp(InetAddress.getByName("127.0.0.9"));
        try (SilentDnsServer silent = SilentDnsServer.start(InetAddress.getByName("127.0.0.9"), port)) {
            SimpleResolver resolver = new SimpleResolver(silent.address());
            resolver.setTimeout(Duration.ofMillis(200));

            assertThatThrownBy(() -> resolver.send(query())).isInstanceOf(IOException.class);

            assertThat(silent.address().getAddress().getHostAddress()).isEqualTo("127.0.0.9");
            assertThat(silent.port()).isEqualTo(port);
            assertThat(silent.udpQueries()).isPositive();
        }
    }

    private static void awaitTcpQuery(SilentDnsServer silent) throws InterruptedException {
        // The reading thread counts the message a moment after the client's timeout may have fired.
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (silent.tcpQueries() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    private static Message query() throws IOException {
        return Message.newQuery(Record.newRecord(Name.fromString("shop.test."), Type.A, DClass.IN));
    }
}
