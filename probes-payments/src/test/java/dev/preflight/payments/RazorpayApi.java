package dev.preflight.payments;

/**
 * Bodies in the shapes of Razorpay's API reference: the payments collection
 * (https://razorpay.com/docs/api/payments/fetch-all-payments/) and the error response
 * (https://razorpay.com/docs/errors/).
 */
final class RazorpayApi {
    static final String KEY_ID = "rzp_live_ILgsfZCZoFIKMb";
    static final String KEY_SECRET = "d5PnQuzTk3Vx8mBr2Lq7Wc9Ya";

    private RazorpayApi() {
    }

    static String payments() {
        return """
                {"entity": "collection", "count": 1, "items": [{"id": "pay_29QQoUBi66xm2f", "entity": "payment",
                 "amount": 5000, "currency": "INR", "status": "captured", "method": "card", "captured": true,
                 "created_at": 1400826750}]}
                """;
    }

    /** Razorpay's error shape, as for a wrong key id or secret. */
    static String authenticationFailed() {
        return """
                {"error": {"code": "BAD_REQUEST_ERROR", "description": "The api key provided is invalid",
                 "field": null, "source": "NA", "step": "NA", "reason": "NA", "metadata": {}}}
                """;
    }

    static String serverError() {
        return """
                {"error": {"code": "SERVER_ERROR", "description": "The server encountered an error. The incident has\
                 been reported to admins.", "field": null, "source": "NA", "step": "NA", "reason": "NA", "metadata": {}}}
                """;
    }
}
