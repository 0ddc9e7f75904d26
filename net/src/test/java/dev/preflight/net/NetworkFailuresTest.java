package dev.preflight.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class NetworkFailuresTest {
    private static final String WHERE = "mail.shop.test:587 (127.0.0.1)";

    @Test
    void eachFailureReadsAsOneSentence() {
        assertThat(NetworkFailures.describe(new ConnectException("Connection refused"), WHERE))
                .isEqualTo("cannot connect to " + WHERE + ": connection refused");
        assertThat(NetworkFailures.describe(new SocketTimeoutException("Read timed out"), WHERE))
                .isEqualTo("no answer from " + WHERE + " before the deadline");
        assertThat(NetworkFailures.describe(new DeadlineExceededException("the DNS server did not answer"), WHERE))
                .isEqualTo("no answer from " + WHERE + " before the deadline");
        assertThat(NetworkFailures.describe(new SocketException("Connection reset"), WHERE))
                .isEqualTo("no answer from " + WHERE + ": the connection was reset");
        assertThat(NetworkFailures.describe(new UnknownHostException("no such name"), WHERE))
                .isEqualTo("cannot resolve " + WHERE + ": no such name");
    }

    @Test
    void aTlsAlertIsNamedWithItsCodeOnEitherJdk() {
        assertThat(NetworkFailures.describe(new SSLHandshakeException("Received fatal alert: handshake_failure"), WHERE))
                .isEqualTo("TLS handshake with " + WHERE + " failed: alert 40 handshake_failure");
        assertThat(NetworkFailures.describe(
                new SSLHandshakeException("(unrecognized_name) Received fatal alert: unrecognized_name"), WHERE))
                .endsWith("failed: alert 112 unrecognized_name");
    }

    @Test
    void aServerSpeakingOnlyARefusedVersionIsSaidInWords() {
        assertThat(NetworkFailures.describe(new SSLHandshakeException("The server selected protocol version TLS10 is"
                + " not accepted by client preferences [TLS13, TLS12]"), WHERE))
                .isEqualTo("TLS handshake with " + WHERE + " failed: the server speaks only TLS 1.0, which this JVM"
                        + " refuses as insecure (tls.protocols reports the versions it accepts)");
        assertThat(NetworkFailures.describe(new SSLHandshakeException("Received fatal alert: protocol_version"), WHERE))
                .contains("accepts none of the TLS versions this JVM offers");
    }

    @Test
    void timeoutsAndUnreachableHostsAreToldApart() {
        assertThat(NetworkFailures.isTimeout(new InterruptedIOException("timeout"))).isTrue();
        assertThat(NetworkFailures.isTimeout(new ConnectException())).isFalse();
        assertThat(NetworkFailures.isUnreachable(new ConnectException())).isTrue();
        assertThat(NetworkFailures.isUnreachable(new SocketTimeoutException())).isFalse();
    }
}
