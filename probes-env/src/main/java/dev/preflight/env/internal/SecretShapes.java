package dev.preflight.env.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises secret values by their published shape, whatever the variable is called: Stripe secret,
 * restricted and webhook keys, PEM private keys, {@code sk-} API keys (OpenAI, Anthropic), GitHub,
 * GitLab and Slack tokens.
 *
 * @since 0.1
 */
public final class SecretShapes {
    private static final Map<Pattern, String> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put(Pattern.compile("sk_live_\\w+"), "a Stripe live secret key (sk_live_…)");
        SHAPES.put(Pattern.compile("sk_test_\\w+"), "a Stripe test secret key (sk_test_…)");
        SHAPES.put(Pattern.compile("rk_(live|test)_\\w+"), "a Stripe restricted key (rk_…)");
        SHAPES.put(Pattern.compile("whsec_\\w+"), "a Stripe webhook signing secret (whsec_…)");
        SHAPES.put(Pattern.compile("(?s)-----BEGIN [A-Z ]*PRIVATE KEY-----.*"), "a PEM private key");
        SHAPES.put(Pattern.compile("sk-[A-Za-z0-9_-]{20,}"), "an API secret key (sk-…)");
        SHAPES.put(Pattern.compile("(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}|github_pat_\\w{20,}"), "a GitHub token");
        SHAPES.put(Pattern.compile("glpat-[A-Za-z0-9_-]{20,}"), "a GitLab token");
        SHAPES.put(Pattern.compile("xox[abprs]-[A-Za-z0-9-]{10,}"), "a Slack token");
    }

    private SecretShapes() {
    }

    /**
     * @param value any value
     * @return what kind of secret it is shaped like, e.g. {@code "a Stripe live secret key (sk_live_…)"}
     */
    public static Optional<String> describe(String value) {
        String v = Variables.clean(value);
        return SHAPES.entrySet().stream().filter(e -> e.getKey().matcher(v).matches()).map(Map.Entry::getValue).findFirst();
    }
}
