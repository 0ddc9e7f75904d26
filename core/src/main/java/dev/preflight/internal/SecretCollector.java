package dev.preflight.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.support.SecretNames;
import java.net.URI;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers every secret value of a configuration, so the run's redactor knows them: target secrets,
 * the secrets of URLs (see {@link #urlSecrets}) in targets and in environment variables, and
 * environment variables under secret-looking names.
 */
public final class SecretCollector {
    private SecretCollector() {
    }

    /**
     * @param targets the run's targets
     * @param extra secret values handed over by the caller
     * @return every secret value found
     */
    public static Set<String> collect(List<Target> targets, Collection<String> extra) {
        Set<String> secrets = new HashSet<>(extra);
        for (Target t : targets) {
            t.secrets().values().stream().map(Secret::reveal).forEach(secrets::add);
            t.uri().map(URI::toString).ifPresent(u -> secrets.addAll(urlSecrets(u)));
            t.variables().forEach((name, value) -> {
                if (SecretNames.isSecret(name)) {
                    secrets.add(value);
                }
                secrets.addAll(urlSecrets(value));
            });
        }
        return secrets;
    }

    /**
     * What a URL carries that must not be shown: the password of its user information (raw and
     * percent-decoded), the {@code user:password} pair an {@code Authorization: Basic} header encodes,
     * a token-like user name without password, and the values of query and fragment parameters with
     * secret-looking names or token-like values. A malformed URL still yields its password.
     *
     * @param text any text; a URL yields its secrets
     * @return the secrets, empty when there are none
     */
    public static Set<String> urlSecrets(String text) {
        return UrlSecrets.of(text);
    }
}
