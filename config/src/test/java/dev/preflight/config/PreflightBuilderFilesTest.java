package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ConfigException;
import dev.preflight.Preflight;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core builder's config(Path) and envFile(Path), which reach this module through ServiceLoader. */
class PreflightBuilderFilesTest {
    @TempDir
    Path dir;

    @Test
    void builderReadsYamlAndEnvFileThenAddsWhatCodeSets() throws IOException {
        Path yaml = Files.writeString(dir.resolve("preflight.yml"),
                "targets:\n  shop:\n    url: https://shop.example.com\n    timeout: 3s\n");
        Path env = Files.writeString(dir.resolve(".env.production"), "DEBUG=false\nDATABASE_URL=postgresql://u:pw@db/x\n");

        Preflight preflight = Preflight.builder().discoverProbes(false)
                .config(yaml).envFile(env).environment(Map.of())
                .target(Target.web("https://api.example.com"))
                .build();

        assertThat(preflight.targets()).extracting(Target::name, Target::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shop", TargetKind.WEB),
                org.assertj.core.groups.Tuple.tuple(".env.production", TargetKind.ENV),
                org.assertj.core.groups.Tuple.tuple("DATABASE_URL", TargetKind.POSTGRES),
                org.assertj.core.groups.Tuple.tuple("https://api.example.com", TargetKind.WEB));
        assertThat(preflight.targets().get(0).timeout()).hasValue(Duration.ofSeconds(3));
    }

    @Test
    void badFileThroughTheBuilderNamesFileLineAndKey() throws IOException {
        Path yaml = Files.writeString(dir.resolve("preflight.yml"), "targets:\n  shop:\n    ulr: https://shop.example.com\n");

        assertThatThrownBy(() -> Preflight.builder().discoverProbes(false).config(yaml).build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("preflight.yml:3").hasMessageContaining("url");
    }
}
