package dev.preflight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.support.Redactor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class ContractTargetsTest {

    private static Socket connect(String authority) throws IOException {
        URI uri = URI.create("tcp://" + authority);
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 2000);
        return socket;
    }

    /** The server counts on threads of its own; a busy machine may take a while to schedule them. */
    private static long eventually(LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return count.getAsLong();
    }

    @Test
    void silentServerAcceptsCountsAndNeverAnswers() throws Exception {
        try (ContractTargets targets = ContractTargets.open(); Socket socket = connect(targets.silentServer())) {
            OutputStream out = socket.getOutputStream();
            out.write("EHLO preflight\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(300);

            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(eventually(targets::silentServerConnections, 1)).isEqualTo(1);
            assertThat(eventually(targets::silentServerBytesReceived, 16)).isEqualTo(16);
        }
    }

    @Test
    void silentServerStartsOnlyWhenAskedFor() {
        try (ContractTargets targets = ContractTargets.open()) {
            assertThat(targets.silentServerConnections()).isZero();
            assertThat(targets.silentServerBytesReceived()).isZero();
        }
    }

    @Test
    void unreachableAddressRefusesConnections() {
        try (ContractTargets targets = ContractTargets.open()) {
            assertThat(targets.unreachable()).startsWith("127.0.0.1:").isEqualTo(targets.unreachable());
            assertThatThrownBy(() -> connect(targets.unreachable()).close()).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void plantedSecretsAreDistinctAndWouldBeRedactedAsSecrets() {
        ContractTargets targets = ContractTargets.open();
        List<String> secrets = targets.plantedSecrets();

        assertThat(secrets).containsExactly(targets.plantedApiKey(), targets.plantedWebhookSecret(),
                targets.plantedPassword(), targets.plantedToken()).doesNotHaveDuplicates();
        assertThat(targets.plantedApiKey()).startsWith("sk_live_");
        assertThat(targets.plantedWebhookSecret()).startsWith("whsec_");
        assertThat(URI.create("postgresql://u:" + targets.plantedPassword() + "@h/db").getUserInfo())
                .endsWith(targets.plantedPassword());
        Redactor redactor = Redactor.of(secrets);
        secrets.forEach(s -> assertThat(redactor.redact("value " + s)).doesNotContain(s));
    }
}
