package dev.preflight.config.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.util.Optional;

/** The Stripe and Razorpay accounts an environment file holds keys for. */
final class EnvPayments {
    private EnvPayments() {
    }

    /** @return the {@code stripe} target, when {@code STRIPE_SECRET_KEY} is set */
    static Optional<Target.Builder> stripe(Dotenv env) {
        return env.value("STRIPE_SECRET_KEY").map(key -> {
            Target.Builder b = Target.builder("stripe", TargetKind.STRIPE).location("stripe account")
                    .secret("secret-key", Secret.of(key)).attribute(EnvTargets.SOURCE, env.source("STRIPE_SECRET_KEY"));
            env.firstSet("STRIPE_PUBLISHABLE_KEY", "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "VITE_STRIPE_PUBLISHABLE_KEY",
                    "REACT_APP_STRIPE_PUBLISHABLE_KEY").flatMap(env::value)
                    .ifPresent(v -> b.secret("publishable-key", Secret.of(v)));
            env.value("STRIPE_WEBHOOK_SECRET").ifPresent(v -> b.secret("webhook-secret", Secret.of(v)));
            env.value("STRIPE_WEBHOOK_URL").ifPresent(v -> b.attribute("webhook-url", v));
            return b;
        });
    }

    /** @return the {@code razorpay} target, when {@code RAZORPAY_KEY_ID} is set */
    static Optional<Target.Builder> razorpay(Dotenv env) {
        return env.value("RAZORPAY_KEY_ID").map(id -> {
            Target.Builder b = Target.builder("razorpay", TargetKind.RAZORPAY).location("razorpay account")
                    .attribute("key-id", id).attribute(EnvTargets.SOURCE, env.source("RAZORPAY_KEY_ID"));
            env.value("RAZORPAY_KEY_SECRET").ifPresent(v -> b.secret("key-secret", Secret.of(v)));
            env.value("RAZORPAY_WEBHOOK_SECRET").ifPresent(v -> b.secret("webhook-secret", Secret.of(v)));
            return b;
        });
    }
}
