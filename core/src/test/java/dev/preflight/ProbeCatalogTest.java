package dev.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.probes.HstsLookalikeProbe;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCatalogTest {
    @TempDir
    Path dir;

    /** A jar holding only a services file, the way a third-party probe jar registers its probes. */
    private Path servicesJar(String... providers) throws IOException {
        Path jar = dir.resolve("acme-probes.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("META-INF/services/dev.preflight.probe.Probe"));
            zip.write(("# acme probes\n" + String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return jar;
    }

    @Test
    void brokenProvidersBecomeFailuresNamingWhereTheyCameFrom() throws IOException {
        Path jar = servicesJar(GoodProviderProbe.class.getName(), ThrowingConstructorProbe.class.getName(),
                "com.acme.MissingProbe");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            ProbeCatalog catalog = ProbeCatalog.discover(loader);

            assertThat(catalog.ids()).containsExactly("acme.good");
            assertThat(catalog.failures()).hasSize(2);
            ProbeLoadFailure throwing = catalog.failures().get(0);
            assertThat(throwing.provider()).isEqualTo(ThrowingConstructorProbe.class.getName());
            assertThat(throwing.problem()).contains("IllegalStateException").contains("cannot read acme.properties");
            assertThat(throwing.location()).contains("test-classes");
            ProbeLoadFailure missing = catalog.failures().get(1);
            assertThat(missing.provider()).isEqualTo("com.acme.MissingProbe");
            assertThat(missing.location()).endsWith("acme-probes.jar");
        }
    }

    @Test
    void aRunReportsEachBrokenProviderAsAnErrorAndStillRunsTheRest() throws IOException {
        Path jar = servicesJar(GoodProviderProbe.class.getName(), ThrowingConstructorProbe.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Report report = Preflight.builder().classLoader(loader).target(Target.web("https://shop.example.com"))
                    .build().run();

            assertThat(report.outcomes()).extracting(ProbeOutcome::probeId, ProbeOutcome::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("preflight.load", Status.ERROR),
                    org.assertj.core.groups.Tuple.tuple("acme.good", Status.PASS));
            assertThat(report.outcomes().get(0).result().summary())
                    .contains(ThrowingConstructorProbe.class.getName()).contains("failed to load");
        }
    }

    @Test
    void aThirdPartyProviderInAReservedAreaIsALoadFailureNamingItsClassAndJar() throws IOException {
        Path jar = servicesJar(GoodProviderProbe.class.getName(), HstsLookalikeProbe.class.getName());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            ProbeCatalog catalog = ProbeCatalog.discover(loader);

            assertThat(catalog.ids()).containsExactly("acme.good");
            assertThat(catalog.failures()).singleElement().satisfies(f -> {
                assertThat(f.provider()).isEqualTo(HstsLookalikeProbe.class.getName());
                assertThat(f.location()).contains("test-classes");
                assertThat(f.problem()).contains("'http.hsts-strict'", "reserves", "'acme.hsts-strict'");
            });

            Report report = Preflight.builder().classLoader(loader).target(Target.web("https://shop.example.com"))
                    .build().run();

            assertThat(report.outcomes()).extracting(ProbeOutcome::probeId, ProbeOutcome::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("preflight.load", Status.ERROR),
                    org.assertj.core.groups.Tuple.tuple("acme.good", Status.PASS));
            assertThat(report.outcomes().get(0).result().summary()).contains(HstsLookalikeProbe.class.getName());
        }
    }

    @Test
    void aThirdPartyProbeAddedInCodeMayNotTakeAReservedAreaEither() {
        Preflight.Builder b = Preflight.builder().discoverProbes(false).addProbe(new HstsLookalikeProbe());

        assertThatThrownBy(b::build).isInstanceOf(ConfigException.class)
                .hasMessageContaining(HstsLookalikeProbe.class.getName()).hasMessageContaining("reserves");
    }

    @Test
    void preflightsOwnProbeClassesMayUseTheReservedAreas() {
        ScriptedProbe own = ScriptedProbe.web("http.own", c -> Result.pass("x"));

        assertThat(ProbeCatalog.of(List.of(own)).ids()).containsExactly("http.own");
    }

    @Test
    void duplicateIdsAreRejectedBeforeAnythingRuns() {
        ScriptedProbe one = ScriptedProbe.web("acme.same", c -> Result.pass("1"));
        ScriptedProbe two = ScriptedProbe.web("acme.same", c -> Result.pass("2"));

        assertThatThrownBy(() -> ProbeCatalog.of(List.of(one, two)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("two probes have the id 'acme.same'");
    }

    @Test
    void malformedIdsAreRejected() {
        for (String bad : List.of("Acme.Check", "acme", "acme.", "acme..x", "acme.check!", "1acme.x", "acme.-x")) {
            assertThatThrownBy(() -> ProbeCatalog.of(List.of(ScriptedProbe.web(bad, c -> Result.pass("x")))))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("malformed id");
        }
    }

    @Test
    void unknownProbeSelectionSuggestsTheClosestId() {
        Preflight.Builder b = Preflight.builder().discoverProbes(false)
                .addProbe(ScriptedProbe.web("http.hsts", c -> Result.pass("x"))).probes("http.hts");

        assertThatThrownBy(b::build).isInstanceOf(ConfigException.class)
                .hasMessageContaining("no probe matches 'http.hts'").hasMessageContaining("did you mean 'http.hsts'?");
    }
}
