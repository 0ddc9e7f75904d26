package dev.preflight.config;

import dev.preflight.ConfigException;
import dev.preflight.config.internal.Domains;
import dev.preflight.config.internal.Urls;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.util.Objects;

/**
 * Turns a URL into a target whose kind follows from the scheme, as the command line does for
 * positional URLs and {@code preflight.yml} does for {@code url:} targets.
 *
 * <table>
 *   <caption>Schemes and kinds</caption>
 *   <tr><th>scheme</th><th>kind</th></tr>
 *   <tr><td>{@code https}, {@code http}</td><td>{@code WEB}</td></tr>
 *   <tr><td>{@code postgresql}, {@code postgres}</td><td>{@code POSTGRES}</td></tr>
 *   <tr><td>{@code redis}, {@code rediss}</td><td>{@code REDIS}</td></tr>
 *   <tr><td>{@code smtp}, {@code smtps}</td><td>{@code SMTP}</td></tr>
 * </table>
 *
 * <pre>{@code
 * Target db = Targets.fromUrl("db", "postgresql://app:" + password + "@db.internal:5432/shop");
 * Target mail = Targets.domain("mail", "example.com");
 * }</pre>
 *
 * @since 0.1
 */
public final class Targets {
    private Targets() {
    }

    /**
     * A target for a URL. The URL may carry credentials; the target's location shows it without the
     * password.
     *
     * @param name the target name shown in reports, not null
     * @param url the URL, not null
     * @return the target, its kind taken from the scheme
     * @throws ConfigException without file or line, for a malformed URL or an unsupported scheme; the
     *     message never contains the URL's password
     */
    public static Target fromUrl(String name, String url) {
        Objects.requireNonNull(name, "'name' must not be null");
        Objects.requireNonNull(url, "'url' must not be null");
        try {
            return Urls.target(name, url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, 0, null, e.getMessage());
        }
    }

    /**
     * A mail/DNS domain target, as {@code domain:} declares one in {@code preflight.yml}.
     *
     * @param name the target name shown in reports, not null
     * @param domain a domain name such as {@code example.com}
     * @return the target, with attribute {@code domain} in lower case
     * @throws ConfigException without file or line, if the text is not a domain name
     */
    public static Target domain(String name, String domain) {
        Objects.requireNonNull(name, "'name' must not be null");
        String d = Domains.normalise(domain).orElseThrow(() -> new ConfigException(null, 0, null,
                "'" + domain + "' is neither a URL nor a domain name"));
        return Target.builder(name, TargetKind.DOMAIN).attribute("domain", d).location(d).build();
    }
}
