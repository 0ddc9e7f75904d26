package dev.preflight.payments.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The permission a restricted Stripe key lacks, as Stripe's 403 message names it: "Having the
 * 'rak_…' permission would allow this request to continue" (https://docs.stripe.com/keys#limit-access).
 */
public final class StripePermission {
    private static final Pattern PERMISSION = Pattern.compile("'(rak_[a-z0-9_]+)'");

    private StripePermission() {
    }

    /**
     * @param reply a 403 answer
     * @return the permission's name, if the message names one
     */
    public static Optional<String> missing(ProviderReply reply) {
        Matcher m = PERMISSION.matcher(reply.errorMessage().orElse(""));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
