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
import java.util.Optional;
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
            t.uri().map(URI::getRawUserInfo).ifPresent(u -> addUserInfo(u, secrets));
            t.variables().forEach((name, value) -> {
                if (SecretNames.isSecret(name)) {
                    secrets.add(value);
                }
                userInfoInUrl(value).ifPresent(u -> addUserInfo(u, secrets));
            });
        }
        return secrets;
    }

    private static Optional<String> userInfoInUrl(String value) {
        try {
            return Optional.ofNullable(new URI(value.strip()).getRawUserInfo());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static void addUserInfo(String userInfo, Set<String> secrets) {
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
            String password = userInfo.substring(colon + 1);
            secrets.add(password);
            secrets.add(URLDecoder.decode(password, StandardCharsets.UTF_8));
        }
    }
}
