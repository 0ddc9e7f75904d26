package dev.preflight.payments;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An application's Razorpay webhook handler, written from Razorpay's validation steps
 * (https://razorpay.com/docs/webhooks/validate-test/) and independent of the probe's signer:
 * HMAC-SHA256 of the raw body with the webhook secret, compared in constant time with the hex in
 * {@code X-Razorpay-Signature}.
 */
final class RazorpayVerifier implements WebhookApp.Answer {
    private final String secret;
    private final int rejection;

    /**
     * @param secret the webhook secret the application was given
     * @param rejection the status for a missing or bad signature: 400, or 500 for an app that throws
     */
    RazorpayVerifier(String secret, int rejection) {
        this.secret = secret;
        this.rejection = rejection;
    }

    @Override
    public int status(Headers headers, byte[] body) {
        String header = headers.getFirst("X-Razorpay-Signature");
        if (header == null) {
            return rejection;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header);
        } catch (IllegalArgumentException e) {
            return rejection;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(body), given) ? 200 : rejection;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
