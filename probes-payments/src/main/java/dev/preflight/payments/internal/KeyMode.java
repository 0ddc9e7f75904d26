package dev.preflight.payments.internal;

import java.util.Locale;

/** Whether a payment key acts on real money or on the provider's sandbox. */
public enum KeyMode {
    /** Real charges. */
    LIVE,
    /** The provider's test mode: no money moves. */
    TEST;

    /** @return {@code live} or {@code test} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
