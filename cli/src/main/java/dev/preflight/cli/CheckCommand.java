package dev.preflight.cli;

import dev.preflight.ConfigException;
import dev.preflight.Preflight;
import dev.preflight.ProbeCatalog;
import dev.preflight.Report;
import dev.preflight.config.ConfigLoader;
import dev.preflight.config.NetworkOptions;
import dev.preflight.config.PreflightConfig;
import dev.preflight.config.Targets;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Target;
import dev.preflight.support.Redactor;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code preflight check}: runs probes and writes reports. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs every applicable probe on the given targets and reports what to fix.",
                "Targets come from URLs on the command line, --config FILE, --env FILE, or ./preflight.yml."})
final class CheckCommand implements Callable<Integer> {
    private static final Path DEFAULT_CONFIG = Path.of("preflight.yml");

    @Parameters(paramLabel = "URL", description = "A target to check with every probe that applies to its kind: "
            + "https://…, http://…, postgresql://…, redis(s)://…, smtp(s)://…, or a bare domain.")
    List<String> urls = new ArrayList<>();

    @Option(names = "--config", paramLabel = "FILE", description = "A preflight.yml configuration.")
    Path config;

    @Option(names = "--env", paramLabel = "FILE", description = "A dotenv file (e.g. .env.production); targets are derived from it.")
    Path envFile;

    @Option(names = "--probe", paramLabel = "ID", split = ",", description = "Only probes matching these ids or globs (tls.*). "
            + "Naming a writing probe's exact id opts into it.")
    List<String> probes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "ID", split = ",", description = "Never run probes matching these ids or globs.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", description = "text, json, junit or markdown; "
            + "the n-th --format goes with the n-th --output, the rest to standard output.")
    List<String> formats = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "Write a report to FILE (- for standard output); "
            + "the format follows --format or the extension (.json, .xml, .md).")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "DURATION", description = "Deadline of each probe, e.g. 5s (default 10s).")
    String timeout;

    @Option(names = "--overall-timeout", paramLabel = "DURATION", description = "Deadline of the whole run (default 5m).")
    String overallTimeout;

    @Option(names = "--parallelism", paramLabel = "N", description = "Most probes running at once (default 16 per core, 16 to 128).")
    Integer parallelism;

    @Option(names = "--resolve", paramLabel = "HOST:PORT:ADDRESS[,ADDRESS...]", description = "Connect to ADDRESS for HOST:PORT, like curl --resolve; with several addresses, each is checked.")
    List<String> resolve = new ArrayList<>();

    @Option(names = "--dns-server", paramLabel = "HOST:PORT", description = "Ask this DNS server instead of the system resolver.")
    String dnsServer;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Also trust the CA certificates in this PEM file.")
    List<Path> caFiles = new ArrayList<>();

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    @Option(names = {"-q", "--quiet"}, description = "Print no text report to standard output.")
    boolean quiet;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Terminal terminal;

    CheckCommand(Map<String, String> environment, PrintStream out, PrintStream err, Terminal terminal) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws IOException {
        List<ReportOutputs.Destination> destinations = ReportOutputs.plan(formats, outputs, quiet);
        ProbeCatalog catalog = ProbeCatalog.discover(CheckCommand.class.getClassLoader());
        Path configFile = config != null ? config
                : urls.isEmpty() && envFile == null && Files.exists(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        if (configFile == null && envFile == null && urls.isEmpty()) {
            throw new ConfigException("nothing to check: give a URL, --config FILE or --env FILE, or create ./preflight.yml");
        }
        Preflight.Builder builder = Preflight.builder().catalog(catalog);
        NetworkSettings network = NetworkSettings.system();
        PreflightConfig loaded = null;
        if (configFile != null || envFile != null) {
            loaded = ConfigLoader.builder().environment(environment).knownProbeIds(catalog.ids())
                    .classLoader(CheckCommand.class.getClassLoader()).build().load(configFile, envFile);
            loaded.applyTo(builder);
            network = loaded.network();
        }
        List<Target> positional = new ArrayList<>();
        for (String url : urls) {
            positional.add(positionalTarget(url));
        }
        builder.targets(positional);
        builder.probes(probes.toArray(String[]::new)).exclude(exclude.toArray(String[]::new));
        if (timeout != null) {
            builder.timeout(DurationOption.parse("--timeout", timeout));
        }
        if (overallTimeout != null) {
            builder.overallTimeout(DurationOption.parse("--overall-timeout", overallTimeout));
        }
        if (parallelism != null) {
            builder.parallelism(parallelism);
        }
        builder.network(withCommandLineNetwork(network));

        Preflight preflight = builder.build();
        Report report = preflight.run();
        if (report.outcomes().isEmpty()) {
            throw new ConfigException(EmptyRun.explain(preflight.catalog(), preflight.targets(),
                    selection(loaded == null ? List.of() : loaded.include(), probes),
                    selection(loaded == null ? List.of() : loaded.exclude(), exclude)));
        }
        for (Target t : positional) {
            if (report.outcomes().stream().noneMatch(o -> o.target().equals(t.name()))) {
                err.println("preflight: no selected probe applies to " + t.name() + " (" + t.kind().label()
                        + " target); preflight list shows the probes on the class path");
            }
        }

        for (ReportOutputs.Destination d : destinations) {
            write(report, d);
        }
        return report.isSuccessful(strict) ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static List<String> selection(List<String> fromConfig, List<String> fromCommandLine) {
        List<String> all = new ArrayList<>(fromConfig);
        all.addAll(fromCommandLine);
        return all;
    }

    private static Target positionalTarget(String url) {
        return url.contains("://") ? Targets.fromUrl(Redactor.redactUrl(url), url) : Targets.domain(url, url);
    }

    private NetworkSettings withCommandLineNetwork(NetworkSettings fromConfig) {
        NetworkSettings.Builder b = fromConfig.toBuilder();
        resolve.forEach(spec -> NetworkOptions.hostOverrides("--resolve", spec).forEach(b::hostOverride));
        if (dnsServer != null) {
            b.dnsServer(NetworkOptions.dnsServer("--dns-server", dnsServer));
        }
        caFiles.forEach(pem -> b.trust(NetworkOptions.caCertificates("--ca-file", pem)));
        return b.build();
    }

    private void write(Report report, ReportOutputs.Destination d) throws IOException {
        boolean colour = d.file() == null && terminal.colour();
        if (d.file() == null) {
            StringBuilder text = new StringBuilder();
            d.format().writer(colour).write(report, text);
            out.print(text);
            out.flush();
            return;
        }
        try {
            Path parent = d.file().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = Files.newBufferedWriter(d.file(), StandardCharsets.UTF_8)) {
                d.format().writer(false).write(report, w);
            }
        } catch (IOException e) {
            throw new ConfigException(d.file().toString(), 0, "--output", "cannot write the report: " + e.getMessage());
        }
    }
}
