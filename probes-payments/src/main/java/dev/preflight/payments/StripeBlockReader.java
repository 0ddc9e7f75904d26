package dev.preflight.payments;

import dev.preflight.payments.internal.BlockUrls;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.targets.TargetBlock;
import dev.preflight.targets.TargetBlockReader;
import java.util.List;

/**
 * Reads a target's {@code stripe:} block into a {@link TargetKind#STRIPE} target: secrets
 * {@code secret-key} (required), {@code publishable-key} and {@code webhook-secret}; attributes
 * {@code webhook-url} and {@code api-base} (http(s) URLs) and {@code required-events} (joined with
 * commas). Stateless; found through {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * targets:
 *   payments:
 *     stripe:
 *       secret-key: ${STRIPE_SECRET_KEY}
 *       webhook-url: https://api.example.com/webhooks/stripe
 * }</pre>
 *
 * @since 0.1
 */
public final class StripeBlockReader implements TargetBlockReader {
    private static final List<String> KEYS = List.of("secret-key", "publishable-key", "webhook-secret", "webhook-url",
            "api-base", "required-events");

    @Override
    public String key() {
        return "stripe";
    }

    @Override
    public List<String> keys() {
        return KEYS;
    }

    @Override
    public Target.Builder read(String name, TargetBlock block) {
        Target.Builder b = Target.builder(name, TargetKind.STRIPE).location("stripe account")
                .secret("secret-key", block.requiredSecret("secret-key",
                        "a stripe block needs secret-key, e.g. secret-key: ${STRIPE_SECRET_KEY}"));
        block.secret("publishable-key").ifPresent(s -> b.secret("publishable-key", s));
        block.secret("webhook-secret").ifPresent(s -> b.secret("webhook-secret", s));
        BlockUrls.copy(block, List.of("webhook-url", "api-base"), b);
        List<String> events = block.list("required-events");
        if (!events.isEmpty()) {
            b.attribute("required-events", String.join(",", events));
        }
        return b;
    }
}
