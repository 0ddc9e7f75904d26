package dev.preflight.targets;

import dev.preflight.ConfigException;
import dev.preflight.probe.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One target's block in a configuration file, as a {@link TargetBlockReader} sees it: typed access
 * to its entries whose problems are {@link ConfigException}s naming the file, the line and the
 * dotted key ({@code preflight.yml:4: targets.pay.stripe.secret-key: …}).
 *
 * <p>Values have {@code ${VAR}} references expanded and surrounding spaces stripped; an absent,
 * empty or blank entry reads as absent. Every value read through {@link #secret} or
 * {@link #requiredSecret}, every value under a secret-looking key and every password inside a URL
 * becomes known to the run's redactor and is never quoted in a message. Messages given to
 * {@link #error} must not quote secret values either.
 *
 * <p>Provided by the configuration module; not intended to be implemented by clients (tests may).
 * Valid only during {@link TargetBlockReader#read}; not thread-safe.
 *
 * @since 0.1
 */
public interface TargetBlock {

    /** @return the block's dotted key, e.g. {@code targets.payments.stripe} */
    String key();

    /**
     * @param key an entry's key
     * @return its text, if present and not blank
     * @throws ConfigException if the entry is a list or a map
     */
    Optional<String> optional(String key);

    /**
     * @param key an entry's key
     * @param problem what to say when it is absent or blank, e.g. {@code "a stripe block needs secret-key, e.g.
     *     secret-key: ${STRIPE_SECRET_KEY}"}
     * @return its text
     * @throws ConfigException if it is absent, blank, a list or a map
     */
    String required(String key, String problem);

    /**
     * @param key an entry's key
     * @return its value as a secret, if present and not blank
     * @throws ConfigException if the entry is a list or a map
     */
    Optional<Secret> secret(String key);

    /**
     * @param key an entry's key
     * @param problem what to say when it is absent or blank
     * @return its value as a secret
     * @throws ConfigException if it is absent, blank, a list or a map
     */
    Secret requiredSecret(String key, String problem);

    /**
     * @param key an entry's key
     * @return the non-blank items of a list or of a comma-separated value; empty when absent
     * @throws ConfigException if the entry or an item is a map
     */
    List<String> list(String key);

    /**
     * @param key an entry's key
     * @return the entries of a map of single values, in file order; empty when absent
     * @throws ConfigException if the entry is not a map, or one of its values is a list or a map
     */
    Map<String, String> map(String key);

    /**
     * A problem with one entry, located at its line, or at the block's line when it is absent.
     *
     * @param key an entry's key
     * @param problem what is wrong and how to fix it, without secret values
     * @return the exception, for the caller to throw
     */
    ConfigException error(String key, String problem);
}
