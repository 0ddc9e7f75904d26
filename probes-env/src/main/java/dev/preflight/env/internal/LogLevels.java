package dev.preflight.env.internal;

import dev.preflight.support.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads log levels the way common logging libraries name them, and finds the verbose ones: debug and
 * below (Python {@code logging}, Log4j/Logback/Spring, pino, winston's {@code verbose}/{@code silly},
 * Log4j's {@code all}, java.util.logging's {@code fine…finest}). A {@code RUST_LOG} value is a list of
 * {@code env_logger}/{@code tracing} directives ({@code info,my_app=debug}); a directive naming a target
 * without a level turns on every level for it.
 *
 * @since 0.1
 */
public final class LogLevels {
    private static final Set<String> VERBOSE = Set.of("debug", "trace", "verbose", "silly", "all", "fine", "finer",
            "finest", "dbg", "trc");
    private static final Set<String> QUIET = Set.of("info", "information", "notice", "http", "timing", "warn", "warning",
            "error", "err", "crit", "critical", "fatal", "alert", "emerg", "emergency", "panic", "severe", "config",
            "off", "none", "silent", "quiet");

    /** A Rust module path, optionally with a {@code [span]} filter: {@code my_app::db}, {@code hyper[conn]}. */
    private static final Pattern TARGET = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z0-9_]+)*(\\[[^\\]]*\\])?");

    private LogLevels() {
    }

    /**
     * @param value a single level, any case: {@code DEBUG}, {@code info}
     * @return true when verbose, false when info or quieter, empty when not a level name
     */
    public static Optional<Boolean> isVerbose(String value) {
        String v = Variables.clean(value).toLowerCase(Locale.ROOT);
        if (VERBOSE.contains(v)) {
            return Optional.of(true);
        }
        return QUIET.contains(v) ? Optional.of(false) : Optional.empty();
    }

    /**
     * @param value a {@code RUST_LOG} value
     * @return the verbose directives, e.g. {@code [sqlx=debug]}; empty when none is
     * @throws IllegalArgumentException with a reason when a directive's level is not one
     */
    public static List<String> verboseRustDirectives(String value) {
        List<String> verbose = new ArrayList<>();
        for (String directive : Variables.clean(value).split(",")) {
            String d = directive.strip();
            int filter = d.indexOf('/');
            d = filter < 0 ? d : d.substring(0, filter);
            if (d.isEmpty()) {
                continue;
            }
            int eq = d.lastIndexOf('=');
            String level = eq < 0 ? d : d.substring(eq + 1);
            Optional<Boolean> known = isVerbose(level);
            if (eq < 0 && known.isEmpty()) {
                if (!TARGET.matcher(d).matches() || Templates.reason(d).isPresent()) {
                    throw new IllegalArgumentException("has a directive that is neither a level nor a target ("
                            + Variables.show(d) + ")");
                }
                verbose.add(d); // a bare target: every level of it
            } else if (known.isEmpty()) {
                throw new IllegalArgumentException("has a directive whose level is not one (" + Variables.show(d) + ")");
            } else if (known.get()) {
                verbose.add(d);
            }
        }
        return verbose;
    }
}
