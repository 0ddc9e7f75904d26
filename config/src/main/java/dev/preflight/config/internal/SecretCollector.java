package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import dev.preflight.support.Redactor;
import dev.preflight.support.SecretNames;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The secret values met during one load, so that they reach the redactor and stay out of error
 * messages. Not thread-safe: one instance serves one load.
 */
public final class SecretCollector {
    private final Set<String> values = new LinkedHashSet<>();

    /** @param value a secret value; null and blank values are ignored */
    void add(String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }

    /** @param text any text; the password, credentials and secret query values of a URL in it are collected */
    void addUrlPasswords(String text) {
        dev.preflight.internal.SecretCollector.urlSecrets(text).forEach(this::add);
    }

    /** @param variables environment variables; values under secret names and URL passwords are collected */
    void addVariables(Map<String, String> variables) {
        variables.forEach((name, value) -> {
            if (SecretNames.isSecret(name)) {
                add(value);
            }
            addUrlPasswords(value);
        });
    }

    /**
     * @param text text about to be shown
     * @return whether it contains a collected secret
     */
    boolean revealedIn(String text) {
        return values.stream().anyMatch(text::contains);
    }

    /** @return the values collected so far, unmodifiable */
    public Set<String> values() {
        return Collections.unmodifiableSet(values);
    }

    /**
     * A last line of defence: messages are written not to echo secrets, but a value echoed before it
     * was known to be secret is masked here, and so are the environment's secrets, which a file may
     * repeat literally without referring to them.
     *
     * @param e a configuration problem
     * @param environment the real environment
     * @return the same exception, or an equal one with known secrets masked
     */
    public ConfigException scrub(ConfigException e, Map<String, String> environment) {
        Set<String> known = new LinkedHashSet<>(values);
        environment.forEach((name, value) -> {
            if (SecretNames.isSecret(name)) {
                known.add(value);
            }
        });
        String clean = Redactor.of(known).redact(e.problem());
        return clean.equals(e.problem()) ? e
                : new ConfigException(e.file().orElse(null), e.line(), e.key().orElse(null), clean);
    }
}
