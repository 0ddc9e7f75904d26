package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the shipped jar as users do: {@code java -jar preflight.jar …} in its own process. */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "preflight.jar");

    private static Process start(List<String> args, Path output) throws IOException {
        return start(List.of(), args, output);
    }

    private static Process start(List<String> jvmOptions, List<String> args, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String run(int expectedExit, String... args) throws Exception {
        return run(List.of(), expectedExit, args);
    }

    private static String run(List<String> jvmOptions, int expectedExit, String... args) throws Exception {
        Path output = Files.createTempFile("preflight-it", ".txt");
        try {
            Process p = start(jvmOptions, List.of(args), output);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isEqualTo(expectedExit);
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void jarRunsTheBundledExample() throws Exception {
        String out = run(1, "check", "--env", "../examples/production.env", "--probe", "env.*");

        assertThat(out).contains("✖ FAIL").contains("env.secrets").contains("failed");
    }

    @Test
    void envOnlyCheckLoadsNeitherNetworkClientsNorTheYamlEngine() throws Exception {
        String out = run(List.of("-Xlog:class+load=info"), 1, "check", "--env", "../examples/production.env",
                "--probe", "env.*");

        assertThat(out).as("the run itself").contains("env.secrets").contains("✖ FAIL");
        assertThat(loadedClasses(out)).as("a run that reads one env file").isNotEmpty()
                .noneMatch(c -> c.startsWith("okhttp3.") || c.startsWith("okio.") || c.startsWith("kotlin."))
                .noneMatch(c -> c.startsWith("org.xbill.DNS."))
                .noneMatch(c -> c.startsWith("org.bouncycastle."))
                .noneMatch(c -> c.startsWith("org.snakeyaml."))
                .noneMatch(c -> c.startsWith("org.postgresql.") || c.startsWith("redis.clients."))
                .noneMatch(c -> c.startsWith("dev.preflight.serve."))
                .as("discovery's DEBUG lines dropped without starting java.util.logging")
                .noneMatch(c -> c.startsWith("java.util.logging."))
                .as("check's command line modelled without annotations: no annotation proxies")
                .noneMatch(c -> c.contains("$Proxy"));
    }

    @Test
    void versionLoadsNoProbeAndNoSubcommand() throws Exception {
        String out = run(List.of("-Xlog:class+load=info"), 0, "--version");

        assertThat(out).contains("preflight 0.1.0");
        assertThat(loadedClasses(out)).contains("dev.preflight.cli.PreflightCommand")
                .noneMatch(c -> c.startsWith("dev.preflight.") && c.endsWith("Probe"))
                .doesNotContain("dev.preflight.cli.CheckCommand", "dev.preflight.cli.ServeCommand",
                        "dev.preflight.cli.ListCommand", "picocli.CommandLine");
    }

    /** @return the names of the classes the JVM reported loading ({@code -Xlog:class+load}) */
    private static List<String> loadedClasses(String log) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\[class,load\\] (\\S+) source:").matcher(log);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void jarFindsEveryBundledProbeThroughMergedServiceFiles() throws Exception {
        String out = run(0, "list");

        assertThat(out).contains("env.debug").contains("env.payment-live-keys").contains("env.error-tracking");
    }

    @Test
    void serveReloadsItsConfigurationOnSighupAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("preflight.yml"), "targets:\n  mail: { domain: shop.invalid }\n");
        Path output = dir.resolve("serve.log");
        Process serve = start(List.of("serve", "--config", config.toString(), "--listen", "127.0.0.1:0"), output);
        try {
            int port = Integer.parseInt(await(output, Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/")));
            HttpClient http = HttpClient.newHttpClient();
            URI index = URI.create("http://127.0.0.1:" + port + "/");
            assertThat(http.send(HttpRequest.newBuilder(index).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("targets: mail").doesNotContain("blog");

            Files.writeString(config, "targets:\n  mail: { domain: shop.invalid }\n  blog: { domain: blog.invalid }\n");
            assertThat(new ProcessBuilder("kill", "-HUP", String.valueOf(serve.pid())).start().waitFor()).isZero();
            await(output, Pattern.compile("(configuration reloaded: 2 targets)"));

            assertThat(http.send(HttpRequest.newBuilder(index).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("targets: mail, blog");
            assertThat(serve.isAlive()).as("SIGHUP reloads; it does not end the process").isTrue();
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("SIGTERM stops it").isTrue();
        }
    }

    /** @return the first group of the pattern once it appears in the output, within 30 s */
    private static String await(Path output, Pattern pattern) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < giveUp) {
            Matcher m = pattern.matcher(Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "");
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + pattern + " in:\n" + Files.readString(output, StandardCharsets.UTF_8));
    }

    @Test
    void jarPrintsItsVersionFromTheManifest() throws Exception {
        assertThat(run(0, "--version")).startsWith("preflight 0.1.0");
    }
}
