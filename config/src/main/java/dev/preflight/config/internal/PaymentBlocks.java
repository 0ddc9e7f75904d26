package dev.preflight.config.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.util.List;
import java.util.Locale;

/** Reads {@code stripe:} and {@code razorpay:} blocks into account targets. */
final class PaymentBlocks {
    private static final List<String> STRIPE = List.of("secret-key", "publishable-key", "webhook-secret", "webhook-url",
            "api-base", "required-events");
    private static final List<String> RAZORPAY =
            List.of("key-id", "key-secret", "webhook-secret", "webhook-url", "api-base");

    private PaymentBlocks() {
    }

    static Target.Builder stripe(String name, ConfigNode node) {
        ConfigMap m = node.map(STRIPE);
        Target.Builder b = Target.builder(name, TargetKind.STRIPE).location("stripe account")
                .secret("secret-key", Secret.of(m.require("secret-key",
                        "a stripe block needs secret-key, e.g. secret-key: ${STRIPE_SECRET_KEY}").string().strip()));
        secret(m, "publishable-key", b);
        secret(m, "webhook-secret", b);
        webUrls(m, b);
        m.get("required-events").ifPresent(n -> b.attribute("required-events", String.join(",", n.strings())));
        return b;
    }

    static Target.Builder razorpay(String name, ConfigNode node) {
        ConfigMap m = node.map(RAZORPAY);
        Target.Builder b = Target.builder(name, TargetKind.RAZORPAY).location("razorpay account")
                .attribute("key-id", m.require("key-id",
                        "a razorpay block needs key-id, e.g. key-id: ${RAZORPAY_KEY_ID}").string().strip());
        secret(m, "key-secret", b);
        secret(m, "webhook-secret", b);
        webUrls(m, b);
        return b;
    }

    private static void secret(ConfigMap m, String key, Target.Builder b) {
        m.get(key).map(n -> n.string().strip()).filter(v -> !v.isEmpty()).ifPresent(v -> b.secret(key, Secret.of(v)));
    }

    private static void webUrls(ConfigMap m, Target.Builder b) {
        for (String key : List.of("webhook-url", "api-base")) {
            m.get(key).ifPresent(n -> {
                String url = n.string().strip();
                boolean web = Urls.tryParse(url).map(u -> u.getScheme().toLowerCase(Locale.ROOT))
                        .filter(s -> s.equals("https") || s.equals("http")).isPresent();
                if (!web) {
                    throw n.error(n.show(Urls.display(url)) + " is not an https:// URL; write it in full, e.g."
                            + " https://shop.example.com/webhooks/payments");
                }
                b.attribute(key, url);
            });
        }
    }
}
