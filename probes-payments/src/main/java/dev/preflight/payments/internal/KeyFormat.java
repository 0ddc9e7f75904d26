package dev.preflight.payments.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes of the payment keys Preflight knows, from the providers' documentation: Stripe
 * (https://docs.stripe.com/keys) and Razorpay (https://razorpay.com/docs/api/authentication/).
 */
public enum KeyFormat {
    /** A Stripe secret or restricted key. */
    STRIPE_SECRET("Stripe secret key", List.of("sk_live_", "rk_live_"), List.of("sk_test_", "rk_test_")),
    /** A Stripe publishable key. */
    STRIPE_PUBLISHABLE("Stripe publishable key", List.of("pk_live_"), List.of("pk_test_")),
    /** A Razorpay key id. */
    RAZORPAY_KEY_ID("Razorpay key id", List.of("rzp_live_"), List.of("rzp_test_"));

    /** Real keys run to dozens of characters (Razorpay's ids have 14 after the prefix); fewer means truncated. */
    private static final Pattern BODY = Pattern.compile("[A-Za-z0-9]{8,}");

    private final String description;
    private final List<String> live;
    private final List<String> test;

    KeyFormat(String description, List<String> live, List<String> test) {
        this.description = description;
        this.live = live;
        this.test = test;
    }

    /** @return e.g. {@code Stripe secret key} */
    public String description() {
        return description;
    }

    /**
     * @param mode a mode
     * @return its prefixes, e.g. {@code sk_live_ or rk_live_}
     */
    public String prefixes(KeyMode mode) {
        return String.join(" or ", mode == KeyMode.LIVE ? live : test);
    }

    /**
     * @param value a key as configured
     * @return its mode, or empty when it is not a well-formed key of this format
     */
    public Optional<KeyMode> mode(String value) {
        return problem(value).isPresent() ? Optional.empty()
                : Optional.of(live.stream().anyMatch(value::startsWith) ? KeyMode.LIVE : KeyMode.TEST);
    }

    /**
     * Why a value is not a key of this format, in words that never quote it.
     *
     * @param value a key as configured
     * @return the problem, or empty for a well-formed key
     */
    public Optional<String> problem(String value) {
        if (value.isBlank()) {
            return Optional.of("is empty");
        }
        if (!value.equals(value.strip())) {
            return Optional.of("has spaces around it");
        }
        Optional<String> prefix = java.util.stream.Stream.concat(live.stream(), test.stream())
                .filter(value::startsWith).findFirst();
        if (prefix.isEmpty()) {
            return Optional.of("does not start with " + prefixes(KeyMode.LIVE) + " or " + prefixes(KeyMode.TEST));
        }
        if (!BODY.matcher(value.substring(prefix.get().length())).matches()) {
            return Optional.of("has a " + prefix.get() + " prefix but not the letters and digits of a whole key after it");
        }
        return Optional.empty();
    }
}
