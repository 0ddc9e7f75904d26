package dev.preflight.env;

import dev.preflight.env.internal.EnvUrl;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.SentryDsn;
import dev.preflight.env.internal.UrlTemplates;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Placeholders;
import dev.preflight.support.Stage;
import dev.preflight.support.Templates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.error-tracking}: production errors reach an error tracker, under the right environment.
 * Without one, failures are found by customers (OWASP Top 10 A09:2021, Security Logging and Monitoring
 * Failures).
 *
 * <p>Sentry DSNs ({@code SENTRY_DSN}, {@code SENTRY_DSN_BACKEND}, {@code NEXT_PUBLIC_SENTRY_DSN},
 * {@code VITE_SENTRY_DSN}, {@code REACT_APP_SENTRY_DSN}) that are set must parse as
 * {@code https://<publicKey>@<host>/<projectId>}, else FAIL; an empty DSN counts as unset, as the
 * Sentry SDKs treat it as "disabled". {@code SENTRY_ENVIRONMENT}, if set, must name the stage
 * ({@code production} in production), else WARN. Other trackers count when their key is set:
 * {@code ROLLBAR_ACCESS_TOKEN}, {@code BUGSNAG_API_KEY}, {@code HONEYBADGER_API_KEY},
 * {@code NEW_RELIC_LICENSE_KEY}, {@code DD_API_KEY}, {@code AIRBRAKE_PROJECT_KEY},
 * {@code APPSIGNAL_PUSH_API_KEY}. A template DSN or key FAILs and counts as no tracker: a DSN whose
 * key or host is a {@linkplain Templates template} ({@code https://examplePublicKey@o0.ingest.sentry.io/0},
 * {@code https://xxxx@xxxx.ingest.sentry.io/xxxx}, {@code <dsn>}) or whose project id is
 * {@code 0}; a key that is a {@linkplain Placeholders placeholder}. No tracker at all WARNs in
 * production and SKIPs elsewhere. Details show a DSN's host and project id, never its key.
 *
 * @since 0.1
 */
public final class ErrorTrackingProbe implements Probe {
    static final List<String> DSN_VARIABLES = List.of("SENTRY_DSN", "SENTRY_DSN_BACKEND", "NEXT_PUBLIC_SENTRY_DSN",
            "VITE_SENTRY_DSN", "REACT_APP_SENTRY_DSN");
    /** Other trackers' key variables and the tracker's name, in the order they are listed. */
    static final Map<String, String> OTHER_TRACKERS;
    private static final String SENTRY_ENVIRONMENT = "SENTRY_ENVIRONMENT";

    static {
        Map<String, String> trackers = new LinkedHashMap<>();
        trackers.put("ROLLBAR_ACCESS_TOKEN", "Rollbar");
        trackers.put("BUGSNAG_API_KEY", "Bugsnag");
        trackers.put("HONEYBADGER_API_KEY", "Honeybadger");
        trackers.put("NEW_RELIC_LICENSE_KEY", "New Relic");
        trackers.put("DD_API_KEY", "Datadog");
        trackers.put("AIRBRAKE_PROJECT_KEY", "Airbrake");
        trackers.put("APPSIGNAL_PUSH_API_KEY", "AppSignal");
        OTHER_TRACKERS = Collections.unmodifiableMap(trackers);
    }

    /** Creates the probe; stateless. */
    public ErrorTrackingProbe() {
    }

    @Override
    public String id() {
        return "env.error-tracking";
    }

    @Override
    public String title() {
        return "Errors are reported to an error tracker";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    /** A DSN copied from Sentry's docs or a sample: a template key, host or project. */
    private static Optional<String> dsnTemplate(String value, Stage stage) {
        try {
            EnvUrl dsn = EnvUrl.parse(value);
            Optional<String> key = dsn.user().flatMap(Templates::reason);
            if (key.isPresent()) {
                return Optional.of("is a template: its public key " + key.get());
            }
            Optional<String> url = UrlTemplates.reason(value, stage);
            if (url.isPresent()) {
                return url;
            }
            return dsn.path().matches("/0+/?")
                    ? Optional.of("is a template: project 0 is the placeholder in Sentry's documentation") : Optional.empty();
        } catch (IllegalArgumentException e) {
            return UrlTemplates.reason(value, stage);
        }
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> vars = context.target().variables();
        Stage stage = Stage.of(context.target());
        String file = context.target().location();
        Findings findings = new Findings();
        List<String> trackers = new ArrayList<>();
        Variables.named(vars, DSN_VARIABLES).forEach((name, value) -> {
            if (value.isEmpty()) {
                return;
            }
            findings.checked(name);
            Optional<String> template = dsnTemplate(value, stage);
            if (template.isPresent()) {
                findings.fail(name, template.get(), "Copy " + name + " from Sentry (Project Settings → Client Keys"
                        + " (DSN)) into " + file + ".");
                return;
            }
            try {
                SentryDsn dsn = SentryDsn.parse(value);
                trackers.add("Sentry (" + name + ": " + dsn.host() + ", project " + dsn.projectId() + ")");
            } catch (IllegalArgumentException e) {
                findings.fail(name, "is not a Sentry DSN: it " + e.getMessage(), "Copy " + name + " from Sentry"
                        + " (Project Settings → Client Keys (DSN)) into " + file + ".");
            }
        });
        Variables.named(vars, OTHER_TRACKERS.keySet()).forEach((name, value) -> {
            Optional<String> template = Placeholders.reason(value);
            if (template.isPresent()) {
                findings.fail(name, template.get(), "Copy " + name + " from the tracker's settings into " + file + ".");
            } else if (!value.isEmpty()) {
                findings.checked(name);
                trackers.add(OTHER_TRACKERS.get(name.toUpperCase(Locale.ROOT)) + " (" + name + ")");
            }
        });
        if (findings.isEmpty() && !stage.isProduction()) {
            return Result.skip("no error tracker configured; only production requires one (looked for "
                    + Variables.list(DSN_VARIABLES) + ", " + Variables.list(OTHER_TRACKERS.keySet()) + ")");
        }
        if (findings.isEmpty()) {
            findings.warn("SENTRY_DSN", "is not set and no other error tracker is configured", "Set SENTRY_DSN (or"
                    + " another tracker's key, e.g. ROLLBAR_ACCESS_TOKEN) in " + file + " so production errors reach"
                    + " someone.");
        }
        Variables.named(vars, List.of(SENTRY_ENVIRONMENT)).forEach((name, value) -> {
            findings.checked(name);
            if (!value.isEmpty() && !stage.isNamedBy(value)) {
                findings.warn(name, "is " + Variables.show(value) + " in a " + stage.name() + " environment file",
                        "Set " + name + "=" + stage.name() + " in " + file + " so errors are filed, and alert, under "
                                + stage.name() + ".");
            }
        });
        findings.detail("trackers", trackers);
        return findings.toResult("errors are reported to " + String.join(", ", trackers));
    }
}
