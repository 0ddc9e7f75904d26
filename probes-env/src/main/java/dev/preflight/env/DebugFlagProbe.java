package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.Flags;
import dev.preflight.support.Stage;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.debug}: framework debug switches are off. Debug mode serves stack traces, settings and
 * sometimes an interactive console to anyone who triggers an error (OWASP Top 10 A05:2021, Security
 * Misconfiguration; Django's deployment checklist: "never enable debug in production").
 *
 * <p>Reads {@code DEBUG}, {@code APP_DEBUG} (Laravel, Symfony), {@code FLASK_DEBUG},
 * {@code DJANGO_DEBUG}, {@code TEMPLATE_DEBUG} (older Django) and {@code WP_DEBUG} (WordPress). Off
 * is {@code false}, {@code 0}, {@code no}, {@code off} or empty. A value that is on FAILs in
 * production and WARNs in other stages; a value that is neither on nor off FAILs everywhere, because
 * frameworks disagree on what it means (Node's {@code DEBUG=app:*} turns on the {@code debug}
 * package's logging). None set: SKIP.
 *
 * @since 0.1
 */
public final class DebugFlagProbe implements Probe {
    static final List<String> VARIABLES = List.of("DEBUG", "APP_DEBUG", "FLASK_DEBUG", "DJANGO_DEBUG", "TEMPLATE_DEBUG",
            "WP_DEBUG");

    /** Creates the probe; stateless. */
    public DebugFlagProbe() {
    }

    @Override
    public String id() {
        return "env.debug";
    }

    @Override
    public String title() {
        return "Debug mode is off";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> flags = Variables.named(context.target().variables(), VARIABLES);
        if (flags.isEmpty()) {
            return Result.skip("no debug flag set (looked for " + Variables.list(VARIABLES) + ")");
        }
        Stage stage = Stage.of(context.target());
        String file = context.target().location();
        Findings findings = new Findings();
        flags.forEach((name, value) -> {
            findings.checked(name);
            Optional<Boolean> on = Flags.parse(value);
            String fix = "Set " + name + "=false in " + file + ".";
            if (on.isEmpty()) {
                findings.fail(name, "is " + Variables.show(value) + ", neither on nor off",
                        fix + " Accepted values: " + Flags.accepted() + ".");
            } else if (on.get() && stage.isProduction()) {
                findings.fail(name, "is on", fix + " Debug pages expose stack traces, settings and source to visitors.");
            } else if (on.get()) {
                findings.warn(name, "is on in " + stage.name(), fix + " A reachable " + stage.name()
                        + " deployment in debug mode exposes stack traces and settings.");
            }
        });
        return findings.toResult("debug is off (" + String.join(", ", flags.keySet()) + ")");
    }
}
