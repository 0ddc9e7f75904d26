package dev.preflight.env.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The payment keys whose mode shows in their prefix, the variables that hold them, and how to read
 * the mode: Stripe documents {@code sk_}/{@code rk_}/{@code pk_} with {@code live_}/{@code test_}
 * ("API keys" in the Stripe docs), Razorpay {@code rzp_live_}/{@code rzp_test_} key ids.
 *
 * @since 0.1
 */
public enum PaymentKey {
    /** A Stripe secret or restricted key. */
    STRIPE_SECRET("Stripe secret key", List.of("sk_live_", "rk_live_"), List.of("sk_test_", "rk_test_")),
    /** A Stripe publishable key, meant for browsers. */
    STRIPE_PUBLISHABLE("Stripe publishable key", List.of("pk_live_"), List.of("pk_test_")),
    /** A Razorpay key id, the public half of a Razorpay key pair. */
    RAZORPAY_KEY_ID("Razorpay key id", List.of("rzp_live_"), List.of("rzp_test_"));

    private static final List<String> STRIPE_SECRET_NAMES = List.of("STRIPE_SECRET_KEY", "STRIPE_SECRET", "STRIPE_API_KEY");

    private final String description;
    private final List<String> livePrefixes;
    private final List<String> testPrefixes;

    PaymentKey(String description, List<String> livePrefixes, List<String> testPrefixes) {
        this.description = description;
        this.livePrefixes = livePrefixes;
        this.testPrefixes = testPrefixes;
    }

    /**
     * Which key a variable holds: {@code STRIPE_SECRET_KEY}, {@code STRIPE_SECRET} (Laravel Cashier),
     * {@code STRIPE_API_KEY}; any name ending in {@code STRIPE_PUBLISHABLE_KEY} or
     * {@code STRIPE_PUBLIC_KEY}, with or without a browser prefix; any ending in {@code RAZORPAY_KEY_ID}.
     *
     * @param name a variable name
     * @return the key it holds, if it is one of these
     */
    public static Optional<PaymentKey> forVariable(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        if (STRIPE_SECRET_NAMES.contains(n)) {
            return Optional.of(STRIPE_SECRET);
        }
        if (n.endsWith("STRIPE_PUBLISHABLE_KEY") || n.endsWith("STRIPE_PUBLIC_KEY")) {
            return Optional.of(STRIPE_PUBLISHABLE);
        }
        return n.endsWith("RAZORPAY_KEY_ID") ? Optional.of(RAZORPAY_KEY_ID) : Optional.empty();
    }

    /**
     * @param value the key
     * @return its mode; empty when the value does not start with one of this key's prefixes
     */
    public Optional<KeyMode> mode(String value) {
        String v = Variables.clean(value);
        if (livePrefixes.stream().anyMatch(v::startsWith)) {
            return Optional.of(KeyMode.LIVE);
        }
        return testPrefixes.stream().anyMatch(v::startsWith) ? Optional.of(KeyMode.TEST) : Optional.empty();
    }

    /** @return e.g. {@code "Stripe secret key"} */
    public String description() {
        return description;
    }

    /**
     * @param mode a mode
     * @return the prefixes of that mode, for messages, e.g. {@code "sk_live_… or rk_live_…"}
     */
    public String prefixes(KeyMode mode) {
        List<String> p = mode == KeyMode.LIVE ? livePrefixes : testPrefixes;
        return String.join("… or ", p) + "…";
    }
}
