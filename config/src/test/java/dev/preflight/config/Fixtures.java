package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.preflight.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes configuration files into a test's temporary directory and loads them. */
final class Fixtures {
    static final List<String> PROBES = List.of("dns.spf", "env.debug", "env.secrets", "http.compression", "http.hsts",
            "http.security-headers", "smtp.starttls", "stripe.webhooks", "tls.certificate", "tls.expiry");

    private final Path dir;

    Fixtures(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies {@code test-cas.pem}, two self-signed test CAs, from the test resources. */
    Path copyTestCas(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("test-cas.pem")) {
            return write(name, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigLoader loader(Map<String, String> environment) {
        return ConfigLoader.builder().environment(environment).knownProbeIds(PROBES).build();
    }

    PreflightConfig loadYaml(String yaml) {
        return loadYaml(yaml, Map.of());
    }

    PreflightConfig loadYaml(String yaml, Map<String, String> environment) {
        return loader(environment).loadYaml(write("preflight.yml", yaml));
    }

    /** Loads the YAML text as {@code preflight.yml} and returns the problem it must cause. */
    ConfigException yamlError(String yaml) {
        return yamlError(yaml, Map.of());
    }

    ConfigException yamlError(String yaml, Map<String, String> environment) {
        Path file = write("preflight.yml", yaml);
        return expectProblem(() -> loader(environment).loadYaml(file));
    }

    static ConfigException expectProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable load) {
        ConfigException e = catchThrowableOfType(ConfigException.class, load);
        assertThat(e).as("a ConfigException").isNotNull();
        return e;
    }
}
