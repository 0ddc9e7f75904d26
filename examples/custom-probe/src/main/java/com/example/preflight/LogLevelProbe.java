package com.example.preflight;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A third-party probe, written the way a Preflight user would: production services should not log
 * at DEBUG or TRACE, which floods log storage and tends to write request bodies and tokens.
 *
 * <p>Registered in {@code META-INF/services/dev.preflight.probe.Probe}; nothing else is needed.
 * Setting {@code example.log-level.variables} (comma-separated) changes which variables are read.
 */
public final class LogLevelProbe implements Probe {
    private static final List<String> DEFAULT_VARIABLES = List.of("LOG_LEVEL", "LOGLEVEL", "DJANGO_LOG_LEVEL", "RUST_LOG");
    private static final Set<String> TOO_VERBOSE = Set.of("debug", "trace", "all", "verbose");

    @Override
    public String id() {
        return "example.log-level";
    }

    @Override
    public String title() {
        return "Logs at INFO or above in production";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        List<String> names = context.settings().list("variables");
        for (String name : names.isEmpty() ? DEFAULT_VARIABLES : names) {
            String value = context.target().variables().get(name);
            if (value == null) {
                continue;
            }
            String level = value.strip().toLowerCase(Locale.ROOT);
            if (TOO_VERBOSE.contains(level)) {
                return Result.fail(name + " is " + level, "Set " + name + "=info (or warn) for production.");
            }
            return Result.pass(name + " is " + level);
        }
        return Result.skip("no log level variable set (looked for " + String.join(", ", DEFAULT_VARIABLES) + ")");
    }
}
