package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code bin/preflight} as users do, with this JDK first on the PATH: which java it starts, the
 * JDK build it remembers in {@code target/preflight-cds-jdk.txt} to pick the class data archive,
 * that a remembered build is used only for the java it was found for, and the JVM options it adds.
 */
class LauncherScriptIT {
    private static final Path LAUNCHER = Path.of("..", "bin", "preflight").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path REMEMBERED = TARGET.resolve("preflight-cds-jdk.txt");
    private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

    private record Run(int exit, String output) {
    }

    /** A run whose standard output and standard error were kept apart. */
    private record SplitRun(int exit, String standardOutput, String standardError) {
    }

    @BeforeEach
    void forgetTheBuild() throws IOException {
        Files.deleteIfExists(REMEMBERED);
    }

    private static Run run(Path directory, Map<String, String> extraEnvironment, String... args) throws Exception {
        ProcessBuilder builder = launcher(directory, extraEnvironment, args).redirectErrorStream(true);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static SplitRun runSplit(Path directory, Map<String, String> extraEnvironment, String... args)
            throws Exception {
        Path errors = Files.createTempFile(TARGET, "launcher-stderr-", ".txt");
        try {
            Process process = launcher(directory, extraEnvironment, args).redirectError(errors.toFile()).start();
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
            return new SplitRun(process.exitValue(), new String(output, StandardCharsets.UTF_8),
                    Files.readString(errors, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    private static ProcessBuilder launcher(Path directory, Map<String, String> extraEnvironment, String... args) {
        ProcessBuilder builder = new ProcessBuilder(concat(LAUNCHER.toString(), args)).directory(directory.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.get("PATH"));
        environment.remove("PREFLIGHT_JAVA_OPTS");
        environment.remove("PREFLIGHT_CDS");
        environment.putAll(extraEnvironment);
        return builder;
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Path realJava() throws IOException {
        return Path.of(System.getProperty("java.home"), "bin", "java").toRealPath();
    }

    /** The build as the JDK's release file names it, which is how the archive is named. */
    private static String releaseBuild() throws IOException {
        Path release = realJava().getParent().getParent().resolve("release");
        return Files.readAllLines(release, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("JAVA_RUNTIME_VERSION="))
                .map(line -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
                .findFirst().orElseThrow();
    }

    @Test
    void startsTheJavaOnThePathAndRemembersItsBuild() throws Exception {
        Run run = run(EXAMPLES, Map.of(), "--version");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("preflight ").contains("Java " + Runtime.version().feature());
        assertThat(Files.readAllLines(REMEMBERED, StandardCharsets.UTF_8))
                .containsExactly(realJava().toString(), releaseBuild());
    }

    @Test
    void aBuildRememberedForAnotherJavaIsLookedUpAgain() throws Exception {
        Files.writeString(REMEMBERED, "/bin/sh\n0-remembered-for-another-java\n", StandardCharsets.UTF_8);

        Run run = run(EXAMPLES, Map.of(), "check", "--env", "production.env", "--probe", "env.https-urls", "-q");

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(TARGET.resolve("preflight-cds-0-remembered-for-another-java.jsa"))
                .as("no archive written under the other java's build").doesNotExist();
        assertThat(Files.readAllLines(REMEMBERED, StandardCharsets.UTF_8))
                .containsExactly(realJava().toString(), releaseBuild());
    }

    @Test
    void theRememberedBuildPicksTheBuildsArchive() throws Exception {
        Path archive = TARGET.resolve("preflight-cds-" + releaseBuild() + ".jsa");
        boolean built = !Boolean.getBoolean("preflight.cds.skip");
        assertThat(Files.isRegularFile(archive)).as("an archive for this JDK unless -Dpreflight.cds.skip")
                .isEqualTo(built);
        if (!built) {
            return;
        }
        assertThat(run(EXAMPLES, Map.of(), "--version").exit()).isZero();

        // -Xshare:on: a JVM that cannot map the archive it was given refuses to start.
        Run run = run(EXAMPLES, Map.of("PREFLIGHT_JAVA_OPTS", "-Xshare:on"), "--version");

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("preflight ");
    }

    @Test
    void relativePathsAreTheCallersEvenThoughTheLauncherLooksUpItsOwnDirectory() throws Exception {
        Run fromExamples = run(EXAMPLES, Map.of(), "check", "--env", "production.env", "--probe", "env.https-urls");
        Run fromElsewhere = run(TARGET, Map.of(), "check", "--env", "production.env", "--probe", "env.https-urls");

        assertThat(fromExamples.exit()).as(fromExamples.output()).isEqualTo(1);
        assertThat(fromExamples.output()).contains("env.https-urls");
        assertThat(fromElsewhere.exit()).as("no production.env in target/: a usage error").isEqualTo(2);
        assertThat(fromElsewhere.output()).contains("production.env");
    }

    @Test
    void hugePagesAreAskedForExactlyWhereTheKernelGivesThemOnRequest() throws Exception {
        Path modes = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        String mode = Files.isReadable(modes) ? Files.readString(modes, StandardCharsets.UTF_8) : "";
        boolean onRequest = mode.contains("[madvise]") || mode.contains("[always]");
        String printFlags = "-XX:+PrintFlagsFinal";

        Run defaults = run(EXAMPLES, Map.of("JAVA_TOOL_OPTIONS", printFlags), "--version");
        Run own = run(EXAMPLES, Map.of("JAVA_TOOL_OPTIONS", printFlags, "PREFLIGHT_JAVA_OPTS", "-XX:+UseSerialGC"),
                "--version");

        assertThat(defaults.exit()).as(defaults.output()).isZero();
        assertThat(flag(defaults.output(), "UseTransparentHugePages")).as("kernel mode: " + mode).isEqualTo(onRequest);
        assertThat(defaults.output()).doesNotContain("VM warning");
        assertThat(flag(own.output(), "UseTransparentHugePages")).as("PREFLIGHT_JAVA_OPTS are used as given")
                .isFalse();
    }

    /** A boolean flag's value in {@code -XX:+PrintFlagsFinal} output. */
    private static boolean flag(String printedFlags, String name) {
        Matcher m = Pattern.compile("\\b" + name + "\\s+= (true|false)").matcher(printedFlags);
        assertThat(m.find()).as(name + " among the printed flags").isTrue();
        return Boolean.parseBoolean(m.group(1));
    }

    @Test
    void theJvmsOwnWarningsGoToStandardErrorNotIntoAReportOnStandardOutput() throws Exception {
        // A log selection naming tags that exist but never occur together: JDK 17 and 25 warn about it
        // through unified logging, whose default output is standard output, on every machine.
        String unmatchedSelection = "-Xlog:gc+cds=info";
        Process bare = new ProcessBuilder(realJava().toString(), unmatchedSelection, "-version").redirectError(
                ProcessBuilder.Redirect.DISCARD).start();
        String bareOutput = new String(bare.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bare.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bareOutput).as("this JVM's own warning on standard output, the premise").contains("[warning]");

        SplitRun run = runSplit(EXAMPLES, Map.of("PREFLIGHT_JAVA_OPTS", unmatchedSelection), "check", "--env",
                "production.env", "--probe", "env.*", "--format", "json");

        assertThat(run.exit()).as(run.standardError()).isEqualTo(1);
        assertThat(run.standardOutput()).startsWith("{").endsWith("}\n").doesNotContain("[warning]");
        assertThat(run.standardError()).contains("[warning][logging]");
    }

    @Test
    void aJavaFoundNowhereOnThePathIsReportedByTheShell() throws Exception {
        Run run = run(EXAMPLES, Map.of("PATH", "/nonexistent"), "--version");

        assertThat(run.exit()).as(run.output()).isEqualTo(127);
        assertThat(run.output()).contains("java");
        assertThat(REMEMBERED).doesNotExist();
    }
}
