package dev.preflight.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code preflight check}'s command line: the model picocli parses it with, declared through picocli's
 * programmatic API, and the values of one parse. Not annotations: picocli reads annotated fields by
 * reflection, and the JVM makes a proxy class for each annotation type it reads; neither can be kept
 * in the class data archive, and together they were a sixth of an offline env check's time (66 of
 * ~400 ms of CPU on the main thread with the root command's model).
 *
 * @param urls the positional targets
 * @param config {@code --config}, or null
 * @param envFile {@code --env}, or null
 * @param probes {@code --probe}
 * @param exclude {@code --exclude}
 * @param formats {@code --format}
 * @param outputs {@code --output}
 * @param timeout {@code --timeout}, or null
 * @param overallTimeout {@code --overall-timeout}, or null
 * @param parallelism {@code --parallelism}, or null
 * @param resolve {@code --resolve}
 * @param dnsServer {@code --dns-server}, or null
 * @param caFiles {@code --ca-file}
 * @param strict {@code --strict}
 * @param quiet {@code -q}, {@code --quiet}
 */
record CheckOptions(List<String> urls, Path config, Path envFile, List<String> probes, List<String> exclude,
        List<String> formats, List<Path> outputs, String timeout, String overallTimeout, Integer parallelism,
        List<String> resolve, String dnsServer, List<Path> caFiles, boolean strict, boolean quiet) {

    /**
     * @param command what runs once the command line is parsed
     * @return the model of {@code preflight check}, options in the order its help lists them
     */
    static CommandSpec spec(Object command) {
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name("check");
        spec.usageMessage().sortOptions(false).description(
                "Runs every applicable probe on the given targets and reports what to fix.",
                "Targets come from URLs on the command line, --config FILE, --env FILE, or ./preflight.yml.");
        spec.addPositional(PositionalParamSpec.builder().paramLabel("URL").index("0..*").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class)
                .description("A target to check with every probe that applies to its kind: "
                        + "https://…, http://…, postgresql://…, redis(s)://…, smtp(s)://…, or a bare domain.")
                .build());
        spec.addOption(option("--config", "FILE", Path.class, "A preflight.yml configuration."));
        spec.addOption(option("--env", "FILE", Path.class,
                "A dotenv file (e.g. .env.production); targets are derived from it."));
        spec.addOption(list("--probe", "ID", String.class, ",", "Only probes matching these ids or globs (tls.*). "
                + "Naming a writing probe's exact id opts into it."));
        spec.addOption(list("--exclude", "ID", String.class, ",", "Never run probes matching these ids or globs."));
        spec.addOption(list("--format", "FORMAT", String.class, ",", "text, json, junit or markdown; "
                + "the n-th --format goes with the n-th --output, the rest to standard output."));
        spec.addOption(list("--output", "FILE", Path.class, "", "Write a report to FILE (- for standard output); "
                + "the format follows --format or the extension (.json, .xml, .md)."));
        spec.addOption(option("--timeout", "DURATION", String.class, "Deadline of each probe, e.g. 5s (default 10s)."));
        spec.addOption(option("--overall-timeout", "DURATION", String.class, "Deadline of the whole run (default 5m)."));
        spec.addOption(option("--parallelism", "N", Integer.class,
                "Most probes running at once (default 16 per core, 16 to 128)."));
        spec.addOption(list("--resolve", "HOST:PORT:ADDRESS[,ADDRESS...]", String.class, "", "Connect to ADDRESS for "
                + "HOST:PORT, like curl --resolve; with several addresses, each is checked."));
        spec.addOption(option("--dns-server", "HOST:PORT", String.class,
                "Ask this DNS server instead of the system resolver."));
        spec.addOption(list("--ca-file", "PEM", Path.class, "", "Also trust the CA certificates in this PEM file."));
        spec.addOption(OptionSpec.builder("--strict").type(boolean.class).description("Exit 1 on warnings too.").build());
        spec.addOption(OptionSpec.builder("-q", "--quiet").type(boolean.class).description("Print no text report to standard output.").build());
        HelpOptions.addTo(spec);
        return spec;
    }

    /**
     * @param parsed the model after picocli parsed a command line with it
     * @return the values given, empty lists for options not given
     */
    static CheckOptions of(CommandSpec parsed) {
        return new CheckOptions(values(parsed.positionalParameters().get(0)), value(parsed, "--config"),
                value(parsed, "--env"), values(parsed.findOption("--probe")), values(parsed.findOption("--exclude")),
                values(parsed.findOption("--format")), values(parsed.findOption("--output")), value(parsed, "--timeout"),
                value(parsed, "--overall-timeout"), value(parsed, "--parallelism"),
                values(parsed.findOption("--resolve")), value(parsed, "--dns-server"),
                values(parsed.findOption("--ca-file")), Boolean.TRUE.equals(value(parsed, "--strict")),
                Boolean.TRUE.equals(value(parsed, "--quiet")));
    }

    private static OptionSpec option(String name, String label, Class<?> type, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(type).description(description).build();
    }

    private static OptionSpec list(String name, String label, Class<?> type, String split, String description) {
        return OptionSpec.builder(name).paramLabel(label).type(List.class).auxiliaryTypes(type).splitRegex(split)
                .description(description).build();
    }

    private static <T> T value(CommandSpec parsed, String option) {
        return parsed.findOption(option).getValue();
    }

    private static <T> List<T> values(ArgSpec arg) {
        List<T> values = arg.getValue();
        return values == null ? List.of() : List.copyOf(values);
    }
}
