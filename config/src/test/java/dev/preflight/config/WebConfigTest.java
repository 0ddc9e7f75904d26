package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter toolkit's web.yml as preflight serve reads it, and the mistakes people make in it. */
class WebConfigTest {
    /** htpasswd -nbBC 10 "" secret | tr -d ':\n' */
    private static final String HASH = "$2y$10$TtMpu5mS9u1vUkGa1cPmcuhUdBbBdL2bY7d6x9OPcMxr9m7RYe0ku";

    @TempDir
    Path dir;

    @Test
    void tlsAndBasicAuthUsersAreRead() throws IOException {
        Files.writeString(dir.resolve("exporter.crt"), "pem");
        Files.writeString(dir.resolve("exporter.key"), "pem");
        Files.writeString(dir.resolve("clients.pem"), "pem");
        WebConfig web = WebConfig.load(write("""
                tls_server_config:
                  cert_file: exporter.crt
                  key_file: exporter.key
                  client_auth_type: RequireAndVerifyClientCert
                  client_ca_file: clients.pem
                  min_version: TLS13
                basic_auth_users:
                  prometheus: %s
                """.formatted(HASH)));

        assertThat(web.tls()).hasValueSatisfying(tls -> {
            assertThat(tls.certFile()).isEqualTo(dir.resolve("exporter.crt"));
            assertThat(tls.clientCaFile()).contains(dir.resolve("clients.pem"));
            assertThat(tls.minVersion()).isEqualTo("TLSv1.3");
        });
        assertThat(web.basicAuthUsers()).containsEntry("prometheus", HASH);
    }

    @Test
    void anEmptyFileMeansPlainHttpWithoutAuthentication() throws IOException {
        WebConfig web = WebConfig.load(write(""));

        assertThat(web.tls()).isEmpty();
        assertThat(web.basicAuthUsers()).isEmpty();
    }

    @Test
    void mistakesNameTheFileLineAndKey() throws IOException {
        assertProblem("tls_server_config:\n  cert_file: missing.crt\n  key_file: missing.key\n", 2,
                "tls_server_config.cert_file", "cannot read");
        assertProblem("basic_auth_users:\n  prometheus: secret\n", 2, "basic_auth_users.prometheus", "not a bcrypt hash");
        assertProblem("http_server_config:\n  http2: true\n", 1, "http_server_config", "unknown key");
        Files.writeString(dir.resolve("a.crt"), "pem");
        Files.writeString(dir.resolve("a.key"), "pem");
        assertProblem("tls_server_config:\n  cert_file: a.crt\n  key_file: a.key\n  min_version: TLS10\n", 4,
                "tls_server_config.min_version", "use TLS12 or TLS13");
    }

    @Test
    void aBadHashIsNotEchoed() throws IOException {
        Path file = write("basic_auth_users:\n  prometheus: plaintext-password\n");

        assertThatThrownBy(() -> WebConfig.load(file)).hasMessageNotContaining("plaintext-password");
    }

    private void assertProblem(String yaml, int line, String key, String problem) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> WebConfig.load(file)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.key()).contains(key);
            assertThat(e.getMessage()).contains(problem).contains("web.yml");
        });
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("web.yml"), yaml);
    }
}
