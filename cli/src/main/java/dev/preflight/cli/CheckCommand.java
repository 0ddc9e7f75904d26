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
import picocli.CommandLine.Model.CommandSpec;

/** {@code preflight check}: runs probes and writes reports; its command line is {@link CheckOptions}. */
final class CheckCommand implements Callable<Integer> {
    private static final Path DEFAULT_CONFIG = Path.of("preflight.yml");

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private final Terminal terminal;
    private final CommandSpec spec;
    private final CatalogDiscovery discovery;

    CheckCommand(Map<String, String> environment, PrintStream out, PrintStream err, Terminal terminal,
            CatalogDiscovery discovery) {
        this.environment = environment;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.discovery = discovery;
        this.spec = CheckOptions.spec(this);
    }

    /** @return the command's model, for picocli to parse a command line with and then call this */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() throws IOException {
        CheckOptions options = CheckOptions.of(spec);
        List<String> urls = options.urls();
        List<String> probes = options.probes();
        List<String> exclude = options.exclude();
        List<ReportOutputs.Destination> destinations = ReportOutputs.plan(options.formats(), options.outputs(),
                options.quiet());
        ProbeCatalog catalog = discovery.catalog();
        Path envFile = options.envFile();
        Path configFile = options.config() != null ? options.config()
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
        if (options.timeout() != null) {
            builder.timeout(DurationOption.parse("--timeout", options.timeout()));
        }
        if (options.overallTimeout() != null) {
            builder.overallTimeout(DurationOption.parse("--overall-timeout", options.overallTimeout()));
        }
        if (options.parallelism() != null) {
            builder.parallelism(options.parallelism());
        }
        builder.network(withCommandLineNetwork(network, options));

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
        return report.isSuccessful(options.strict()) ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private static List<String> selection(List<String> fromConfig, List<String> fromCommandLine) {
        List<String> all = new ArrayList<>(fromConfig);
        all.addAll(fromCommandLine);
        return all;
    }

    private static Target positionalTarget(String url) {
        return url.contains("://") ? Targets.fromUrl(Redactor.redactUrl(url), url) : Targets.domain(url, url);
    }

    private static NetworkSettings withCommandLineNetwork(NetworkSettings fromConfig, CheckOptions options) {
        NetworkSettings.Builder b = fromConfig.toBuilder();
        options.resolve().forEach(spec -> NetworkOptions.hostOverrides("--resolve", spec).forEach(b::hostOverride));
        if (options.dnsServer() != null) {
            b.dnsServer(NetworkOptions.dnsServer("--dns-server", options.dnsServer()));
        }
        options.caFiles().forEach(pem -> b.trust(NetworkOptions.caCertificates("--ca-file", pem)));
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
