package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.LogLevels;
import dev.preflight.env.internal.SecretVariables;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import dev.preflight.support.Templates;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code env.log-level}: production logs at INFO or quieter. Debug and trace logging writes request
 * bodies, headers, SQL with its parameters and tokens, which the OWASP Logging Cheat Sheet says must
 * never reach logs, and multiplies log volume and cost.
 *
 * <p>Reads {@code LOG_LEVEL}, {@code LOGLEVEL}, {@code LOGGING_LEVEL}, {@code DJANGO_LOG_LEVEL},
 * {@code RUST_LOG}, {@code NODE_DEBUG}, every name ending in {@code _LOG_LEVEL} ({@code APP_LOG_LEVEL})
 * or starting with {@code LOGGING_LEVEL_} (Spring Boot's {@code LOGGING_LEVEL_ROOT},
 * {@code LOGGING_LEVEL_ORG_HIBERNATE_SQL}), and the names of the setting {@code variable-name}.
 * {@code DEBUG} is {@code env.debug}'s, including the {@code debug} package's {@code DEBUG=app:*}.
 * {@code debug}, {@code trace}, {@code verbose}, {@code silly}, {@code all} and {@code fine…finest}
 * ({@link LogLevels}), a {@code RUST_LOG} directive at debug or trace or naming a bare target
 * ({@code my_app}), and any {@code NODE_DEBUG} value FAIL in production; outside production they are
 * what developers want, and pass with a note. A value that is not a level ({@code loud}, a template
 * such as {@code YOUR_LOG_LEVEL}, a number whose meaning differs between libraries: 10 is DEBUG in
 * Python and TRACE in pino) WARNs; empty passes with a note (the library's default applies). None set:
 * SKIP.
 *
 * <p>Details: {@code checked}, {@code failures}, {@code warnings}, {@code notes}.
 *
 * <p>Settings: {@code env.log-level.variable-name}, further names of log level variables,
 * comma-separated, {@code *} matching any run of characters.
 *
 * @since 0.1
 */
public final class LogLevelProbe implements Probe {
    static final List<String> VARIABLES = List.of("LOG_LEVEL", "LOGLEVEL", "LOGGING_LEVEL", "DJANGO_LOG_LEVEL",
            "RUST_LOG", "NODE_DEBUG");
    private static final Pattern FAMILY = Pattern.compile(".+_LOG_LEVEL|LOGGING_LEVEL_.+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+");

    /** Creates the probe; stateless. */
    public LogLevelProbe() {
    }

    @Override
    public String id() {
        return "env.log-level";
    }

    @Override
    public String title() {
        return "Production logs at INFO or quieter";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Pattern added = SecretVariables.globs(context.settings().list("variable-name"));
        Map<String, String> levels = Variables.matching(context.target().variables(), name -> VARIABLES.contains(name)
                || FAMILY.matcher(name).matches() || added.matcher(name).matches());
        if (levels.isEmpty()) {
            return Result.skip("no log level set (looked for " + Variables.list(VARIABLES)
                    + ", *_LOG_LEVEL and LOGGING_LEVEL_*)");
        }
        Stage stage = Stage.of(context.target());
        String file = context.target().location();
        Findings findings = new Findings();
        levels.forEach((name, value) -> {
            findings.checked(name);
            String upper = name.toUpperCase(java.util.Locale.ROOT);
            String fix = upper.equals("NODE_DEBUG") ? "Remove NODE_DEBUG from " + file + "."
                    : "Set " + name + "=" + (upper.equals("RUST_LOG") ? "info" : "info (or warn)") + " in " + file
                            + "; debug logs carry request bodies, tokens and personal data.";
            if (value.isEmpty()) {
                findings.note(name, "is empty, so the library's default level applies");
                return;
            }
            Optional<String> verbose = verbose(upper, value, name, file, findings);
            if (verbose.isEmpty()) {
                return;
            }
            if (stage.isProduction()) {
                findings.fail(name, verbose.get(), fix);
            } else {
                findings.note(name, verbose.get() + " in " + stage.name());
            }
        });
        return findings.toResult("logs at INFO or quieter (" + String.join(", ", levels.keySet()) + ")");
    }

    /** Why the value is verbose; empty when it is not, or when it is not a level (then WARNed here). */
    private static Optional<String> verbose(String upper, String value, String name, String file, Findings findings) {
        if (upper.equals("NODE_DEBUG")) {
            return Optional.of("turns on Node's internal debug output (" + Variables.show(value) + ")");
        }
        String unknown;
        if (upper.equals("RUST_LOG")) {
            try {
                List<String> directives = LogLevels.verboseRustDirectives(value);
                return directives.isEmpty() ? Optional.empty()
                        : Optional.of("logs at debug or trace (" + Variables.show(String.join(",", directives)) + ")");
            } catch (IllegalArgumentException e) {
                unknown = e.getMessage();
            }
        } else if (NUMBER.matcher(value).matches()) {
            unknown = "is the number " + Variables.show(value) + ", whose level depends on the library (10 is DEBUG in"
                    + " Python, TRACE in pino)";
        } else {
            Optional<Boolean> known = LogLevels.isVerbose(value);
            if (known.isPresent()) {
                return known.get() ? Optional.of("is " + Variables.show(value)) : Optional.empty();
            }
            unknown = "is " + Variables.show(value) + ", not a log level Preflight knows";
        }
        // Not a level: a template says so more precisely than "unknown".
        findings.warn(name, Templates.reason(value).orElse(unknown), "Set " + name
                + " to a level name such as info or warn in " + file + ".");
        return Optional.empty();
    }
}
