package dev.preflight.payments.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Stripe account object says about taking money (https://docs.stripe.com/api/accounts/object):
 * {@code charges_enabled}, {@code payouts_enabled} and {@code details_submitted}.
 *
 * @param accountId the account's id, {@code acct_…}; not secret
 * @param notEnabled the flags that are false, in the order above
 * @param disabledReason {@code requirements.disabled_reason}, if Stripe gives one
 */
public record AccountReadiness(String accountId, List<String> notEnabled, Optional<String> disabledReason) {
    private static final List<String> FLAGS = List.of("charges_enabled", "payouts_enabled", "details_submitted");

    /**
     * @param account the body of {@code GET /v1/account}
     * @return the readiness, or empty when the body is not an account object with the three flags
     */
    public static Optional<AccountReadiness> of(JsonNode account) {
        List<String> off = new ArrayList<>();
        for (String flag : FLAGS) {
            JsonNode v = account.path(flag);
            if (!v.isBoolean()) {
                return Optional.empty();
            }
            if (!v.booleanValue()) {
                off.add(flag);
            }
        }
        JsonNode reason = account.path("requirements").path("disabled_reason");
        return Optional.of(new AccountReadiness(account.path("id").asText("unknown"), List.copyOf(off),
                reason.isTextual() ? Optional.of(reason.asText()) : Optional.empty()));
    }
}
