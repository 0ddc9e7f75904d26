package dev.preflight.payments.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook payloads the way Stripe and Razorpay do, so that a probe can send an application's
 * webhook endpoint a correctly signed event and see it accepted (and a forged one rejected).
 *
 * <ul>
 *   <li>Stripe: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, keyed with the whole
 *       endpoint secret ({@code whsec_…}, prefix included) over {@code "<t>.<raw payload>"}.
 *   <li>Razorpay: {@code X-Razorpay-Signature: <hex HMAC-SHA256>}, keyed with the webhook secret over
 *       the raw body.
 * </ul>
 */
public final class WebhookSignatures {
    /** The header Stripe signs events in. */
    public static final String STRIPE_HEADER = "Stripe-Signature";
    /** The header Razorpay signs events in. */
    public static final String RAZORPAY_HEADER = "X-Razorpay-Signature";

    private WebhookSignatures() {
    }

    /**
     * @param secret the endpoint's signing secret, {@code whsec_…}
     * @param timestampSeconds the signing time, Unix seconds
     * @param payload the raw request body
     * @return the value of the {@code Stripe-Signature} header
     */
    public static String stripe(String secret, long timestampSeconds, byte[] payload) {
        byte[] prefix = (timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + payload.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(payload, 0, signed, prefix.length, payload.length);
        return "t=" + timestampSeconds + ",v1=" + hmacSha256Hex(secret, signed);
    }

    /**
     * @param secret the webhook secret set in the Razorpay dashboard
     * @param payload the raw request body
     * @return the value of the {@code X-Razorpay-Signature} header
     */
    public static String razorpay(String secret, byte[] payload) {
        return hmacSha256Hex(secret, payload);
    }

    /**
     * @param key the key, as UTF-8
     * @param message the message
     * @return the HMAC-SHA256 in lower-case hex
     */
    static String hmacSha256Hex(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256.
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
