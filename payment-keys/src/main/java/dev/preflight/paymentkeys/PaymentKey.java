package dev.preflight.paymentkeys;

import dev.preflight.support.Unquote;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The payment keys whose mode shows in their prefix, as the providers document them: Stripe's
 * {@code sk_}/{@code rk_}/{@code pk_} with {@code live_}/{@code test_} (https://docs.stripe.com/keys)
 * and Razorpay's {@code rzp_live_}/{@code rzp_test_} key ids
 * (https://razorpay.com/docs/api/authentication/). One catalogue for the probes that read keys from
 * environment files ({@code preflight-probes-env}) and those that read them from a payment target
 * ({@code preflight-probes-payments}).
 *
 * <pre>{@code
 * PaymentKey.STRIPE_SECRET.mode("sk_live_51Hx…")      // Optional[LIVE]
 * PaymentKey.STRIPE_SECRET.problem("sk_live_51Hx-…")  // Optional["has a sk_live_ prefix but not …"]
 * PaymentKey.STRIPE_SECRET.problem("sk_live_YOUR_KEY") // Optional["is a template: …"]
 * }</pre>
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

    /** Real keys run to dozens of characters (Razorpay's ids have 14 after the prefix); fewer means truncated. */
    private static final Pattern BODY = Pattern.compile("[A-Za-z0-9]{8,}");
    /**
     * x's, stars or an ellipsis standing for the key ({@code rzp_live_XXXXXXXXXX}): the whole body, or
     * a run long enough (six) that a random key holds it about once in 300 million.
     */
    private static final Pattern FILLER = Pattern.compile("[xX*.…]+|.*(x{6,}|X{6,}|\\*{3,}|\\.{3}|…|<|\\{).*");
    /**
     * Words sample files put after a real prefix ({@code sk_live_YOUR_LIVE_KEY}, {@code pk_live_yourkeyhere}).
     * Only read in a body without digits: every real key of these kinds holds digits.
     */
    private static final Pattern WORDS = Pattern.compile("(?i).*(your|here|key|secret|live|test|publishable|insert"
            + "|replace|change|example|placeholder|dummy|fake).*");

    private final String description;
    private final List<String> livePrefixes;
    private final List<String> testPrefixes;

    PaymentKey(String description, List<String> livePrefixes, List<String> testPrefixes) {
        this.description = description;
        this.livePrefixes = livePrefixes;
        this.testPrefixes = testPrefixes;
    }

    /** @return e.g. {@code "Stripe secret key"} */
    public String description() {
        return description;
    }

    /**
     * @param mode a mode
     * @return that mode's prefixes, e.g. {@code sk_live_} and {@code rk_live_}
     */
    public List<String> prefixes(KeyMode mode) {
        return mode == KeyMode.LIVE ? livePrefixes : testPrefixes;
    }

    /** @return where the provider shows these keys, for remediations */
    public String dashboard() {
        return this == RAZORPAY_KEY_ID ? "the Razorpay Dashboard (Account & Settings → API Keys)"
                : "the Stripe Dashboard (Developers → API keys)";
    }

    /**
     * The mode a value's prefix claims, surrounding spaces and quotes aside (as an env file may
     * hold it); see {@link #problem} for whether the rest is a whole key.
     *
     * @param value the key
     * @return its mode; empty when the value starts with none of this key's prefixes
     */
    public Optional<KeyMode> mode(String value) {
        String v = Unquote.strip(value);
        if (livePrefixes.stream().anyMatch(v::startsWith)) {
            return Optional.of(KeyMode.LIVE);
        }
        return testPrefixes.stream().anyMatch(v::startsWith) ? Optional.of(KeyMode.TEST) : Optional.empty();
    }

    /**
     * @param value the key exactly as configured
     * @return its mode when it is a whole, well-formed key of this kind; else empty
     */
    public Optional<KeyMode> wellFormedMode(String value) {
        return problem(value).isPresent() ? Optional.empty() : mode(value);
    }

    /**
     * Why a value is not a well-formed key of this kind, in words that never quote it. A template
     * with a real prefix ({@code sk_live_YOUR_LIVE_KEY}, {@code rzp_live_XXXXXXXXXX},
     * {@code pk_live_yourkeyhere}) is one: it claims a mode but is no key, so it is never "live".
     *
     * @param value the key exactly as configured
     * @return the problem, or empty for a well-formed key
     */
    public Optional<String> problem(String value) {
        if (value.isBlank()) {
            return Optional.of("is empty");
        }
        if (!value.equals(value.strip())) {
            return Optional.of("has spaces around it");
        }
        Optional<String> prefix = Stream.concat(livePrefixes.stream(), testPrefixes.stream())
                .filter(value::startsWith).findFirst();
        if (prefix.isEmpty()) {
            return Optional.of("does not start with " + String.join(" or ", livePrefixes) + " or "
                    + String.join(" or ", testPrefixes));
        }
        String body = value.substring(prefix.get().length());
        if (isTemplate(body)) {
            return Optional.of("is a template: a " + prefix.get() + " prefix with a placeholder instead of a key after it");
        }
        if (!BODY.matcher(body).matches()) {
            return Optional.of("has a " + prefix.get() + " prefix but not the letters and digits of a whole key after it");
        }
        return Optional.empty();
    }

    private static boolean isTemplate(String body) {
        return !body.isEmpty() && FILLER.matcher(body).matches() || !body.matches(".*\\d.*") && WORDS.matcher(body).matches();
    }
}
