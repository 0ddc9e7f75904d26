package dev.preflight.cli;

import dev.preflight.ConfigException;
import dev.preflight.Preflight;
import dev.preflight.support.Redactor;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code preflight} command; {@link #main} is the jar's entry point. It and {@code check} are
 * modelled through picocli's programmatic API ({@link CheckOptions} says why); {@code list} and
 * {@code serve}, built only when used, keep their annotations.
 */
public final class PreflightCommand implements Runnable {
    private static final String ISSUES = "https://github.com/preflight-dev/preflight/issues";
    /** The subcommands' names, in the order usage lists them. */
    private static final List<String> SUBCOMMANDS = List.of("check", "list", "serve", "help");

    /**
     * Classes picocli would load, by reflection, to offer converters for option types no command here
     * has: {@code java.time}'s initialise the date-time formatters (~10 ms at every start).
     */
    private static final String UNUSED_CONVERTERS = "java\\.time\\..*,java\\.sql\\..*";

    private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this).name("preflight")
            .versionProvider(new Version());

    private PreflightCommand() {
        spec.usageMessage().description("Verifies production-readiness checklist items from outside and from configuration.")
                .footer("", "Exit codes: 0 no FAIL or ERROR (with --strict, no WARN either); 1 some FAIL or ERROR;",
                        "2 usage or configuration error, or nothing was checked; 3 Preflight itself failed (a bug).");
        HelpOptions.addTo(spec);
    }

    /**
     * Runs the command and exits with its code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // UTF-8 whatever the platform encoding: reports use ✔ and ✖, and files must round-trip.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
        System.exit(execute(args, System.getenv(), out, err, Terminal.detect(System.getenv())));
    }

    /**
     * Runs the command without exiting, for tests and embedding.
     *
     * @return the exit code
     */
    static int execute(String[] args, Map<String, String> environment, PrintStream out, PrintStream err,
            Terminal terminal) {
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // What picocli would print, without building its model of the command: about 70 ms of
            // cold reflection, most of what `preflight --version` took.
            for (String line : new Version().getVersion()) {
                out.println(line);
            }
            return ExitCodes.OK;
        }
        CatalogDiscovery discovery = CatalogDiscovery.of(PreflightCommand.class.getClassLoader());
        if (args.length > 0 && "check".equals(args[0])) {
            // While picocli builds and parses below, not after.
            discovery.inBackground();
        }
        Subcommands subcommands = new Subcommands(environment, out, err, terminal, discovery);
        CommandLine cli = new CommandLine(new PreflightCommand().spec);
        // Before the settings below: picocli hands them to the subcommands registered at that moment.
        addSubcommands(cli, subcommands, args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return execute(cli, args, err);
    }

    /**
     * Registers the subcommands the command line needs: picocli builds a command's model by reflecting
     * over its annotated fields, cold code run at every start ({@code --version}: 0.41 s of CPU with
     * the four models, 0.36 s with none). {@code preflight check …} builds only check's; anything
     * else (usage, help, a mistyped name) all of them, so usage and suggestions stay as they were.
     * {@code --version} alone does not reach picocli at all.
     */
    private static void addSubcommands(CommandLine cli, Subcommands subcommands, String[] args) {
        String first = args.length > 0 ? args[0] : "";
        if (SUBCOMMANDS.contains(first) && !"help".equals(first)) {
            cli.addSubcommand(first, subcommands.of(first));
        } else {
            SUBCOMMANDS.forEach(name -> cli.addSubcommand(name, subcommands.of(name)));
        }
    }

    /**
     * Runs a command line with Preflight's error handling: bad input exits 2 with one line, anything
     * unexpected, {@link Error}s included, exits 3 with one line and no stack trace, since picocli
     * lets Errors through and the JVM would print one and exit 1, which CI reads as findings.
     *
     * @return the exit code
     */
    static int execute(CommandLine cli, String[] args, PrintStream err) {
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof IllegalArgumentException) {
                err.println("preflight: " + Redactor.none().redact(e.getMessage()));
                return ExitCodes.USAGE;
            }
            return internalError(e, err);
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            // picocli quotes the offending argument, which may be a URL with a password or token.
            err.println("preflight: " + Redactor.none().redact(e.getMessage()));
            e.getCommandLine().usage(err);
            return ExitCodes.USAGE;
        });
        try {
            return cli.execute(args);
        } catch (Throwable e) {
            return internalError(e, err);
        }
    }

    private static int internalError(Throwable e, PrintStream err) {
        err.println("preflight: internal error: " + e.getClass().getName()
                + (e.getMessage() != null ? ": " + Redactor.none().redact(e.getMessage()).replaceAll("\\R+", " ") : "")
                + "; this is a bug in Preflight, please report it with the command line at " + ISSUES);
        return ExitCodes.INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Makes subcommands with the process environment and streams, so tests can substitute them. */
    static final class Subcommands {
        private final Map<String, String> environment;
        private final PrintStream out;
        private final PrintStream err;
        private final Terminal terminal;
        private final CatalogDiscovery discovery;

        /** @param discovery the probe discovery {@code check} takes, perhaps begun already */
        Subcommands(Map<String, String> environment, PrintStream out, PrintStream err, Terminal terminal,
                CatalogDiscovery discovery) {
            this.environment = environment;
            this.out = out;
            this.err = err;
            this.terminal = terminal;
            this.discovery = discovery;
        }

        /**
         * A switch on the name, not on classes: naming a class (a literal, an {@code ==}) loads it,
         * and a run loads only the subcommand it uses.
         *
         * @return an annotated command, or a model ({@code check})
         */
        Object of(String name) {
            switch (name) {
                case "check":
                    return new CheckCommand(environment, out, err, terminal, discovery).spec();
                case "list":
                    return new ListCommand(out, err);
                case "serve":
                    return new ServeCommand(environment, err);
                default:
                    return new CommandLine.HelpCommand();
            }
        }
    }

    /** Prints the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"preflight " + Preflight.version(),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
