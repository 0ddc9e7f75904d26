package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.Lifetimes;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code env.token-lifetime}: access tokens expire soon. A stateless access token (a JWT) cannot be
 * revoked before it expires, so a stolen one works for its whole lifetime; long sessions belong to
 * revocable refresh tokens (OWASP JSON Web Token Cheat Sheet, "Token explicit revocation"; RFC 9700
 * §2.2.2 favours short-lived access tokens).
 *
 * <p>Reads every variable whose name mentions {@code JWT} or {@code ACCESS_TOKEN} together with
 * {@code EXPIRE}, {@code EXPIRY}, {@code EXPIRATION}, {@code EXPIRES}, {@code LIFETIME}, {@code TTL}
 * or {@code MAX_AGE} ({@code ACCESS_TOKEN_EXPIRE_MINUTES}, {@code JWT_EXPIRES_IN},
 * {@code JWT_EXPIRATION}, {@code JWT_ACCESS_TOKEN_EXPIRES}, {@code ACCESS_TOKEN_LIFETIME},
 * {@code ACCESS_TOKEN_TTL}…); names with {@code REFRESH} or {@code LEEWAY} are not access-token
 * lifetimes and are ignored. Values are read by {@link Lifetimes}. Longer than {@code warn-above}
 * (default 1 day) WARNs, longer than {@code fail-above} (default 30 days) FAILs; a value that never
 * expires ({@code false}, {@code never}, {@code 0}) or does not parse FAILs. Applies in every stage.
 * None set: SKIP.
 *
 * <p>Settings: {@code env.token-lifetime.warn-above}, {@code env.token-lifetime.fail-above}
 * (durations such as {@code 12h}, {@code 7d}).
 *
 * @since 0.1
 */
public final class TokenLifetimeProbe implements Probe {
    private static final Pattern TOKEN = Pattern.compile(".*(JWT|ACCESS_TOKEN).*");
    private static final Pattern LIFETIME = Pattern.compile(".*(EXPIRE|EXPIRY|EXPIRATION|LIFETIME|TTL|MAX_AGE).*");
    private static final Pattern NOT_ACCESS = Pattern.compile(".*(REFRESH|LEEWAY).*");
    private static final Duration SUGGESTED = Duration.ofMinutes(15);

    /** Creates the probe; stateless. */
    public TokenLifetimeProbe() {
    }

    @Override
    public String id() {
        return "env.token-lifetime";
    }

    @Override
    public String title() {
        return "Access tokens are short-lived";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> vars = Variables.matching(context.target().variables(), TokenLifetimeProbe::isAccessLifetime);
        if (vars.isEmpty()) {
            return Result.skip("no access-token lifetime set (looked for names such as ACCESS_TOKEN_EXPIRE_MINUTES,"
                    + " JWT_EXPIRES_IN, JWT_EXPIRATION, ACCESS_TOKEN_TTL; refresh-token lifetimes are not checked)");
        }
        Duration warnAbove = context.settings().duration("warn-above", Duration.ofDays(1));
        Duration failAbove = context.settings().duration("fail-above", Duration.ofDays(30));
        String file = context.target().location();
        Findings findings = new Findings().detail("warnAbove", Lifetimes.format(warnAbove))
                .detail("failAbove", Lifetimes.format(failAbove));
        List<String> lifetimes = new ArrayList<>();
        vars.forEach((name, value) -> {
            findings.checked(name);
            String fix = "Set " + name + "=" + Lifetimes.write(name, value, SUGGESTED) + " (15 minutes) in " + file
                    + " and keep users signed in with revocable refresh tokens.";
            if (Lifetimes.isNever(value)) {
                findings.fail(name, "is " + Variables.show(value) + ", so access tokens never expire", fix);
                return;
            }
            Duration lifetime;
            try {
                lifetime = Lifetimes.parse(name, value);
            } catch (IllegalArgumentException e) {
                findings.fail(name, "is " + (value.isEmpty() ? "empty" : Variables.show(value)) + ", which "
                        + e.getMessage(), fix);
                return;
            }
            lifetimes.add(name + ": " + Lifetimes.format(lifetime));
            if (vars.size() == 1) {
                findings.detail("seconds", lifetime.toSeconds());
            }
            if (lifetime.compareTo(failAbove) > 0) {
                findings.fail(name, "lets access tokens live " + Lifetimes.format(lifetime) + ", more than "
                        + Lifetimes.format(failAbove), fix);
            } else if (lifetime.compareTo(warnAbove) > 0) {
                findings.warn(name, "lets access tokens live " + Lifetimes.format(lifetime) + ", more than "
                        + Lifetimes.format(warnAbove), fix);
            }
        });
        findings.detail("lifetimes", lifetimes);
        return findings.toResult("access tokens live at most " + Lifetimes.format(warnAbove) + " ("
                + String.join("; ", lifetimes) + ")");
    }

    private static boolean isAccessLifetime(String upperCaseName) {
        return TOKEN.matcher(upperCaseName).matches() && LIFETIME.matcher(upperCaseName).matches()
                && !NOT_ACCESS.matcher(upperCaseName).matches();
    }
}
