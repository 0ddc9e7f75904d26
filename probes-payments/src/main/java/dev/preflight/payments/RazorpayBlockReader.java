package dev.preflight.payments;

import dev.preflight.payments.internal.BlockUrls;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.targets.TargetBlock;
import dev.preflight.targets.TargetBlockReader;
import java.util.List;

/**
 * Reads a target's {@code razorpay:} block into a {@link TargetKind#RAZORPAY} target: attribute
 * {@code key-id} (required; the public half of the key pair), secrets {@code key-secret} and
 * {@code webhook-secret}, attributes {@code webhook-url} and {@code api-base} (http(s) URLs).
 * Stateless; found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * targets:
 *   rzp:
 *     razorpay:
 *       key-id: ${RAZORPAY_KEY_ID}
 *       key-secret: ${RAZORPAY_KEY_SECRET}
 * }</pre>
 *
 * @since 0.1
 */
public final class RazorpayBlockReader implements TargetBlockReader {
    private static final List<String> KEYS = List.of("key-id", "key-secret", "webhook-secret", "webhook-url", "api-base");

    @Override
    public String key() {
        return "razorpay";
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Target.Builder read(String name, TargetBlock block) {
        Target.Builder b = Target.builder(name, TargetKind.RAZORPAY).location("razorpay account")
                .attribute("key-id", block.required("key-id", "a razorpay block needs key-id, e.g. key-id: ${RAZORPAY_KEY_ID}"));
        block.secret("key-secret").ifPresent(s -> b.secret("key-secret", s));
        block.secret("webhook-secret").ifPresent(s -> b.secret("webhook-secret", s));
        BlockUrls.copy(block, List.of("webhook-url", "api-base"), b);
        return b;
    }
}
