package dev.preflight.payments;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An application's Stripe webhook handler, written from Stripe's "verify signatures manually" steps
 * (https://docs.stripe.com/webhooks#verify-manually) and independent of the probe's signer: split
 * {@code Stripe-Signature} on commas into {@code key=value} pairs, take {@code t} and every
 * {@code v1}, HMAC-SHA256 {@code t + "." + raw body} with the endpoint secret, compare in constant time
 * with each {@code v1}, and reject a timestamp further than the tolerance from now.
 */
final class StripeVerifier implements WebhookApp.Answer {
    private final String secret;
    private final Clock clock;
    private final long toleranceSeconds;
    private final int rejection;

    /**
     * @param secret the endpoint secret the application was given
     * @param clock the application's clock
     * @param toleranceSeconds the tolerance, 0 for none (an application that skips the check)
     * @param rejection the status for a bad signature: 400, or 500 for an app that throws
     */
    StripeVerifier(String secret, Clock clock, long toleranceSeconds, int rejection) {
        this.secret = secret;
        this.clock = clock;
        this.toleranceSeconds = toleranceSeconds;
        this.rejection = rejection;
    }

    @Override
    public int status(Headers headers, byte[] body) {
        String header = headers.getFirst("Stripe-Signature");
        if (header == null) {
            return rejection;
        }
        Long t = null;
        List<String> v1 = new ArrayList<>();
        for (String item : header.split(",")) {
            String[] kv = item.split("=", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("t")) {
                try {
                    t = Long.parseLong(kv[1]);
                } catch (NumberFormatException e) {
                    return rejection;
                }
            } else if (kv[0].equals("v1")) {
                v1.add(kv[1]);
            }
        }
        if (t == null || v1.isEmpty()) {
            return rejection;
        }
        byte[] prefix = (t + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signedPayload = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, signedPayload, prefix.length, body.length);
        byte[] expected = hmac(signedPayload);
        boolean match = false;
        for (String candidate : v1) {
            byte[] given;
            try {
                given = HexFormat.of().parseHex(candidate);
            } catch (IllegalArgumentException e) {
                continue;
            }
            match |= MessageDigest.isEqual(expected, given);
        }
        if (!match) {
            return rejection;
        }
        if (toleranceSeconds > 0 && Math.abs(clock.instant().getEpochSecond() - t) > toleranceSeconds) {
            return rejection;
        }
        return 200;
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
