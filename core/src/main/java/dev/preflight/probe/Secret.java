package dev.preflight.probe;

import dev.preflight.support.Redactor;
import java.util.Objects;

/**
 * A sensitive value (API key, password, webhook secret) that never prints itself.
 *
 * <p>{@link #toString()} returns the redacted form (e.g. {@code sk_live_…4242}); only {@link #reveal()}
 * returns the value, and callers must not put what it returns into a {@link Result}.
 *
 * <pre>{@code
 * Secret key = context.target().secret("secret-key").orElseThrow();
 * client.authenticate(key.reveal());           // to the library that needs it
 * return Result.fail("key " + key + " was revoked", "..."); // prints sk_live_…4242
 * }</pre>
 *
 * @since 0.1
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "'value' must not be null");
    }

    /**
     * Wraps a value.
     *
     * @param value the secret value, not null
     * @return a secret holding it
     */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /**
     * The value itself, for handing to a client library. Never put it into a result or a message.
     *
     * @return the secret value
     */
    public String reveal() {
        return value;
    }

    /**
     * The form that may be shown to people: a known prefix and the last four characters at most.
     *
     * @return e.g. {@code sk_live_…4242}
     */
    public String redacted() {
        return Redactor.mask(value);
    }

    /** Returns {@link #redacted()}. */
    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret && ((Secret) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
