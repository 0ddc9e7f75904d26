package dev.preflight.config;

import dev.preflight.ConfigException;
import dev.preflight.config.internal.WebConfigReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code preflight serve} protects its listener, in the {@code web.yml} format of the Prometheus
 * exporter toolkit that Prometheus users already write for {@code node_exporter} and
 * {@code blackbox_exporter}:
 *
 * <pre>{@code
 * tls_server_config:
 *   cert_file: exporter.crt          # PEM chain, leaf first; relative to this file
 *   key_file: exporter.key           # PEM private key (PKCS#8, PKCS#1 or SEC1)
 *   client_auth_type: RequireAndVerifyClientCert   # optional; NoClientCert by default
 *   client_ca_file: clients-ca.pem   # with RequireAndVerifyClientCert
 *   min_version: TLS13               # optional; TLS12 by default
 * basic_auth_users:
 *   prometheus: $2y$10$...           # bcrypt hashes (htpasswd -nBC 10 "" | tr -d ':\n')
 * }</pre>
 *
 * <p>Other keys of the toolkit's format are refused with the line they are on, not silently ignored:
 * a setting that would be ignored must not look applied. Immutable.
 *
 * @since 0.3
 */
public final class WebConfig {
    private final Tls tls;
    private final Map<String, String> basicAuthUsers;

    /**
     * @param tls the listener's TLS, or null for plain HTTP
     * @param basicAuthUsers user name → bcrypt hash; empty for no authentication
     */
    public WebConfig(Tls tls, Map<String, String> basicAuthUsers) {
        this.tls = tls;
        this.basicAuthUsers = Map.copyOf(basicAuthUsers);
    }

    /**
     * @param file a {@code web.yml}
     * @return what it says
     * @throws ConfigException naming the file, line and key of the first problem
     */
    public static WebConfig load(Path file) {
        return WebConfigReader.read(file);
    }

    /** @return the listener's TLS, if configured */
    public Optional<Tls> tls() {
        return Optional.ofNullable(tls);
    }

    /** @return user name → bcrypt hash; empty when no authentication is required. Never print the hashes. */
    public Map<String, String> basicAuthUsers() {
        return basicAuthUsers;
    }

    /**
     * The listener's TLS.
     *
     * @param certFile the PEM certificate chain, leaf first
     * @param keyFile the PEM private key
     * @param clientCaFile the CAs client certificates must chain to, when they are required
     * @param minVersion {@code TLSv1.2} or {@code TLSv1.3}
     */
    public record Tls(Path certFile, Path keyFile, Optional<Path> clientCaFile, String minVersion) {

        /** Checks the required parts. */
        public Tls {
            Objects.requireNonNull(certFile, "'certFile' must not be null");
            Objects.requireNonNull(keyFile, "'keyFile' must not be null");
            Objects.requireNonNull(clientCaFile, "'clientCaFile' must not be null");
            Objects.requireNonNull(minVersion, "'minVersion' must not be null");
        }
    }
}
