package dev.preflight.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.support.SecretNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gathers every secret value of a configuration, so the run's redactor knows them: target secrets,
 * URL passwords (raw and decoded), and environment variables under secret-looking names.
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
            t.uri().map(URI::toString).ifPresent(u -> secrets.addAll(urlPasswords(u)));
            t.variables().forEach((name, value) -> {
                if (SecretNames.isSecret(name)) {
                    secrets.add(value);
                }
                secrets.addAll(urlPasswords(value));
            });
        }
        return secrets;
    }

    /**
     * The password inside a URL's user information, raw and percent-decoded.
     *
     * @param text any text; a URL with a password yields it
     * @return the password's forms, empty when there is none
     */
    public static List<String> urlPasswords(String text) {
        try {
            String info = new URI(text.strip()).getRawUserInfo();
            if (info == null || !info.contains(":")) {
                return List.of();
            }
            String raw = info.substring(info.indexOf(':') + 1);
            return raw.isEmpty() ? List.of() : List.of(raw, URLDecoder.decode(raw, StandardCharsets.UTF_8));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return List.of();
        }
    }
}
