package dev.preflight.paymentkeys;

import java.util.Locale;

/**
 * Whether a payment provider's key acts on real money or on the provider's sandbox.
 *
 * @since 0.1
 */
public enum KeyMode {
    /** Real charges and real customer data. */
    LIVE,
    /** The provider's test mode: no money moves. */
    TEST;

    /** @return {@code live} or {@code test} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
