package dev.preflight.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The signers against RFC 4231's HMAC-SHA256 vectors and against an independent implementation
 * (OpenSSL) applying the providers' documented schemes to the same bytes.
 */
class WebhookSignaturesTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final byte[] EVENT = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void hmacMatchesRfc4231TestCase2() {
        assertThat(WebhookSignatures.hmacSha256Hex("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hmacMatchesRfc4231TestCase1WithAKeyOfTwentyBytes() {
        // Test case 1's key is 0x0b * 20; as UTF-8 text it is twenty U+000B characters.
        assertThat(WebhookSignatures.hmacSha256Hex("\u000b".repeat(20), "Hi There".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void stripeSignsTimestampDotPayloadWithTheWholeSecret() throws Exception {
        String secret = "whsec_preflightTestSigningSecret0001";

        String header = WebhookSignatures.stripe(secret, 1_700_000_000L, EVENT);

        String signedPayload = "1700000000." + new String(EVENT, StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("t=1700000000,v1=" + openSslHmac(secret, signedPayload));
    }

    @Test
    void razorpaySignsTheRawBody() throws Exception {
        String secret = "preflight-razorpay-webhook-secret";

        assertThat(WebhookSignatures.razorpay(secret, EVENT))
                .isEqualTo(openSslHmac(secret, new String(EVENT, StandardCharsets.UTF_8)))
                .hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void oneChangedByteChangesTheSignature() {
        byte[] tampered = EVENT.clone();
        tampered[10] ^= 1;

        assertThat(WebhookSignatures.razorpay("k", tampered)).isNotEqualTo(WebhookSignatures.razorpay("k", EVENT));
        assertThat(WebhookSignatures.stripe("whsec_k", 1, EVENT)).isNotEqualTo(WebhookSignatures.stripe("whsec_k", 2, EVENT));
    }

    /** {@code openssl dgst -sha256 -hmac KEY} over the message: an implementation independent of ours. */
    private static String openSslHmac(String key, String message) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(OPENSSL) || System.getenv("PREFLIGHT_REQUIRE_SERVERS") != null,
                "openssl is not installed");
        Process p = new ProcessBuilder(OPENSSL.toString(), "dgst", "-sha256", "-hmac", key).start();
        p.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out.substring(out.lastIndexOf(' ') + 1);
    }
}
