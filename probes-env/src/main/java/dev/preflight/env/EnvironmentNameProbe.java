package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.support.Stage;
import dev.preflight.env.internal.ValueLists;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code env.environment}: the variables frameworks read to pick their mode say production. Outside
 * production mode, frameworks enable verbose errors, skip caching and minification, or load
 * development settings: Express shows stack traces unless {@code NODE_ENV=production}; Rails, Rack,
 * Flask, ASP.NET Core and Spring pick their configuration from these names.
 *
 * <p>Reads {@code NODE_ENV}, {@code APP_ENV}, {@code ENVIRONMENT}, {@code RAILS_ENV}, {@code RACK_ENV},
 * {@code FLASK_ENV}, {@code DJANGO_ENV}, {@code MIX_ENV}, {@code ASPNETCORE_ENVIRONMENT},
 * {@code DOTNET_ENVIRONMENT} (value {@code production} or {@code prod}, any case) and
 * {@code SPRING_PROFILES_ACTIVE} (some active profile contains {@code prod}). In production any other
 * value FAILs. In another stage a value naming that stage, or production, passes and anything else
 * WARNs. None set: SKIP.
 *
 * @since 0.1
 */
public final class EnvironmentNameProbe implements Probe {
    static final List<String> VARIABLES = List.of("NODE_ENV", "APP_ENV", "ENVIRONMENT", "RAILS_ENV", "RACK_ENV",
            "FLASK_ENV", "DJANGO_ENV", "MIX_ENV", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "SPRING_PROFILES_ACTIVE");
    private static final String SPRING = "SPRING_PROFILES_ACTIVE";

    /** Creates the probe; stateless. */
    public EnvironmentNameProbe() {
    }

    @Override
    public String id() {
        return "env.environment";
    }

    @Override
    public String title() {
        return "Frameworks run in production mode";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> found = Variables.named(context.target().variables(), VARIABLES);
        if (found.isEmpty()) {
            return Result.skip("no environment name set (looked for " + Variables.list(VARIABLES) + ")");
        }
        Stage stage = Stage.of(context.target());
        String file = context.target().location();
        Findings findings = new Findings();
        found.forEach((name, value) -> {
            findings.checked(name);
            boolean spring = name.equalsIgnoreCase(SPRING);
            if (spring ? springProduction(value) : Stage.PRODUCTION.isNamedBy(value)) {
                return;
            }
            String wanted = !stage.isProduction() ? stage.name() : spring ? "prod" : "production";
            String fix = (spring ? "Activate the " + wanted + " profile: " : "Set ") + name + "=" + wanted
                    + " in " + file + ".";
            String shown = value.isEmpty() ? "empty" : Variables.show(value);
            if (stage.isProduction()) {
                findings.fail(name, "is " + shown + ", not production", fix);
            } else if (!(spring ? springNames(value, stage) : stage.isNamedBy(value))) {
                findings.warn(name, "is " + shown + " in " + stage.name(),
                        fix + " Use production instead if " + stage.name() + " should behave like production.");
            }
        });
        String mode = stage.isProduction() ? "production" : stage.name() + " or production";
        return findings.toResult("frameworks run in " + mode + " mode (" + String.join(", ", found.keySet()) + ")");
    }

    private static boolean springProduction(String value) {
        return ValueLists.split(value).stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains("prod"));
    }

    private static boolean springNames(String value, Stage stage) {
        return ValueLists.split(value).stream().anyMatch(stage::isNamedBy);
    }
}
