package dev.preflight.env.internal;

import dev.preflight.paymentkeys.KeyMode;
import dev.preflight.paymentkeys.PaymentKey;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The variables that hold payment keys, and how env findings show a key kind's prefixes. */
public final class PaymentKeyVariables {
    private static final List<String> STRIPE_SECRET_NAMES = List.of("STRIPE_SECRET_KEY", "STRIPE_SECRET", "STRIPE_API_KEY");

    private PaymentKeyVariables() {
    }

    /**
     * Which key a variable holds: {@code STRIPE_SECRET_KEY}, {@code STRIPE_SECRET} (Laravel Cashier),
     * {@code STRIPE_API_KEY}; any name ending in {@code STRIPE_PUBLISHABLE_KEY} or
     * {@code STRIPE_PUBLIC_KEY}, with or without a browser prefix; any ending in {@code RAZORPAY_KEY_ID}.
     *
     * @param name a variable name
     * @return the key it holds, if it is one of these
     */
    public static Optional<PaymentKey> keyFor(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (STRIPE_SECRET_NAMES.contains(n)) {
            return Optional.of(PaymentKey.STRIPE_SECRET);
        }
        if (n.endsWith("STRIPE_PUBLISHABLE_KEY") || n.endsWith("STRIPE_PUBLIC_KEY")) {
            return Optional.of(PaymentKey.STRIPE_PUBLISHABLE);
        }
        return n.endsWith("RAZORPAY_KEY_ID") ? Optional.of(PaymentKey.RAZORPAY_KEY_ID) : Optional.empty();
    }

    /**
     * @param key a key kind
     * @param mode a mode
     * @return its prefixes for messages, e.g. {@code "sk_live_… or rk_live_…"}
     */
    public static String shown(PaymentKey key, KeyMode mode) {
        return String.join("… or ", key.prefixes(mode)) + "…";
    }
}
