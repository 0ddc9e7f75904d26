package dev.preflight.payments;

/**
 * Bodies in the shapes of Stripe's API reference, trimmed to the fields the probes read or that
 * show the shape: the account object (https://docs.stripe.com/api/accounts/object) and the error
 * object (https://docs.stripe.com/api/errors).
 */
final class StripeApi {
    static final String SECRET_KEY = "sk_live_51Hx9TestKeyAbCdEfGhIjKlMn4242";
    static final String TEST_SECRET_KEY = "sk_test_51Hx9TestKeyAbCdEfGhIjKlMn4242";
    static final String RESTRICTED_KEY = "rk_live_51Hx9RestrictedAbCdEfGhIjKl9876";

    private StripeApi() {
    }

    static String account(boolean charges, boolean payouts, boolean details) {
        return """
                {"id": "acct_1Nv0FGQ9RKHgCVdK", "object": "account", "business_type": "company",
                 "charges_enabled": %s, "country": "US", "default_currency": "usd", "details_submitted": %s,
                 "payouts_enabled": %s, "requirements": {"currently_due": [], "disabled_reason": %s},
                 "type": "standard"}
                """.formatted(charges, details, payouts, charges ? "null" : "\"requirements.past_due\"");
    }

    /** Stripe's answer to a revoked, rolled or mistyped key: the key is quoted, partly masked. */
    static String invalidKey() {
        return """
                {"error": {"message": "Invalid API Key provided: sk_live_********************4242",
                 "type": "invalid_request_error"}}
                """;
    }

    /** A restricted key without the permission; the message names the key, the account and the permission. */
    static String missingPermission() {
        return """
                {"error": {"message": "The provided key 'rk_live_*********************9876' does not have the required\
                 permissions for this endpoint on account 'acct_1Nv0FGQ9RKHgCVdK'. Having the\
                 'rak_accounts_kyc_basic_read' permission would allow this request to continue.",
                 "type": "invalid_request_error"}}
                """;
    }

    static String rateLimited() {
        return """
                {"error": {"message": "Too many requests hit the API too quickly. We recommend an exponential\
                 backoff of your requests.", "type": "rate_limit_error", "code": "rate_limit"}}
                """;
    }

    static String apiError() {
        return """
                {"error": {"message": "An unknown error occurred", "type": "api_error"}}
                """;
    }
}
