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
 * {@code env.token-lifetime}: access tokens expire soon, and refresh tokens expire. A stateless access token (a JWT) cannot be
 * revoked before it expires, so a stolen one works for its whole lifetime; long sessions belong to
 * revocable refresh tokens (OWASP JSON Web Token Cheat Sheet, "Token explicit revocation"; RFC 9700
 * §2.2.2 favours short-lived access tokens).
 *
 * <p>Reads every variable whose name mentions {@code JWT} or {@code ACCESS_TOKEN} together with
 * {@code EXPIRE}, {@code EXPIRY}, {@code EXPIRATION}, {@code EXPIRES}, {@code LIFETIME}, {@code TTL}
 * or {@code MAX_AGE} ({@code ACCESS_TOKEN_EXPIRE_MINUTES}, {@code JWT_EXPIRES_IN},
 * {@code JWT_EXPIRATION}, {@code JWT_ACCESS_TOKEN_EXPIRES}, {@code ACCESS_TOKEN_LIFETIME},
 * {@code ACCESS_TOKEN_TTL}…); names with {@code LEEWAY} are ignored. Values are read by
 * {@link Lifetimes}. Longer than {@code warn-above} (default 1 day) WARNs, longer than
 * {@code fail-above} (default 30 days) FAILs; a value that never expires ({@code false},
 * {@code never}, {@code 0}) or does not parse FAILs.
 *
 * <p>Refresh tokens are revocable, so they may live longer, but not for ever: a stolen one keeps
 * minting access tokens until it expires or is revoked (OWASP OAuth 2.0 Cheat Sheet; RFC 9700
 * §4.14.2). Names with {@code REFRESH} and a lifetime word ({@code REFRESH_TOKEN_EXPIRE_DAYS},
 * {@code JWT_REFRESH_EXPIRES_IN}, {@code REFRESH_TOKEN_LIFETIME}) WARN above
 * {@code refresh-warn-above} (default 30 days) and FAIL above {@code refresh-fail-above} (default 90
 * days), and FAIL when they never expire or do not parse. Applies in every stage. None set: SKIP.
 *
 * <p>Settings: {@code env.token-lifetime.warn-above}, {@code env.token-lifetime.fail-above},
 * {@code env.token-lifetime.refresh-warn-above}, {@code env.token-lifetime.refresh-fail-above}
 * (durations such as {@code 12h}, {@code 7d}).
 *
 * @since 0.1
 */
public final class TokenLifetimeProbe implements Probe {
    private static final Pattern TOKEN = Pattern.compile(".*(JWT|ACCESS_TOKEN).*");
    private static final Pattern LIFETIME = Pattern.compile(".*(EXPIRE|EXPIRY|EXPIRATION|LIFETIME|TTL|MAX_AGE).*");
    private static final Pattern NOT_ACCESS = Pattern.compile(".*(REFRESH|LEEWAY).*");
    private static final Duration SUGGESTED = Duration.ofMinutes(15);
    private static final Duration SUGGESTED_REFRESH = Duration.ofDays(14);

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
        Map<String, String> access = Variables.matching(context.target().variables(), TokenLifetimeProbe::isAccessLifetime);
        Map<String, String> refresh = Variables.matching(context.target().variables(), TokenLifetimeProbe::isRefreshLifetime);
        if (access.isEmpty() && refresh.isEmpty()) {
            return Result.skip("no token lifetime set (looked for names such as ACCESS_TOKEN_EXPIRE_MINUTES,"
                    + " JWT_EXPIRES_IN, JWT_EXPIRATION, ACCESS_TOKEN_TTL, REFRESH_TOKEN_EXPIRE_DAYS)");
        }
        Duration warnAbove = context.settings().duration("warn-above", Duration.ofDays(1));
        Duration failAbove = context.settings().duration("fail-above", Duration.ofDays(30));
        Duration refreshWarnAbove = context.settings().duration("refresh-warn-above", Duration.ofDays(30));
        Duration refreshFailAbove = context.settings().duration("refresh-fail-above", Duration.ofDays(90));
        String file = context.target().location();
        Findings findings = new Findings().detail("warnAbove", Lifetimes.format(warnAbove))
                .detail("failAbove", Lifetimes.format(failAbove));
        List<String> lifetimes = new ArrayList<>();
        Kind accessKind = new Kind("access tokens", warnAbove, failAbove, SUGGESTED, "15 minutes",
                " and keep users signed in with revocable refresh tokens.");
        Kind refreshKind = new Kind("refresh tokens", refreshWarnAbove, refreshFailAbove, SUGGESTED_REFRESH, "14 days",
                " and rotate refresh tokens on use, so a stolen one stops working.");
        access.forEach((name, value) -> judge(name, value, accessKind, file, findings, lifetimes));
        refresh.forEach((name, value) -> judge(name, value, refreshKind, file, findings, lifetimes));
        if (access.size() + refresh.size() == 1 && !lifetimes.isEmpty()) {
            String name = access.isEmpty() ? refresh.keySet().iterator().next() : access.keySet().iterator().next();
            String value = access.isEmpty() ? refresh.get(name) : access.get(name);
            findings.detail("seconds", Lifetimes.parse(name, value).toSeconds());
        }
        if (!refresh.isEmpty()) {
            findings.detail("refreshWarnAbove", Lifetimes.format(refreshWarnAbove))
                    .detail("refreshFailAbove", Lifetimes.format(refreshFailAbove));
        }
        findings.detail("lifetimes", lifetimes);
        String limits = (access.isEmpty() ? "" : "access tokens live at most " + Lifetimes.format(warnAbove))
                + (access.isEmpty() || refresh.isEmpty() ? "" : ", ")
                + (refresh.isEmpty() ? "" : "refresh tokens at most " + Lifetimes.format(refreshWarnAbove));
        return findings.toResult(limits + " (" + String.join("; ", lifetimes) + ")");
    }

    private static void judge(String name, String value, Kind kind, String file, Findings findings, List<String> lifetimes) {
        findings.checked(name);
        String fix = "Set " + name + "=" + Lifetimes.write(name, value, kind.suggested) + " (" + kind.suggestedText
                + ") in " + file + kind.advice;
        if (Lifetimes.isNever(value)) {
            findings.fail(name, "is " + Variables.show(value) + ", so " + kind.label + " never expire", fix);
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
        if (lifetime.compareTo(kind.failAbove) > 0) {
            findings.fail(name, "lets " + kind.label + " live " + Lifetimes.format(lifetime) + ", more than "
                    + Lifetimes.format(kind.failAbove), fix);
        } else if (lifetime.compareTo(kind.warnAbove) > 0) {
            findings.warn(name, "lets " + kind.label + " live " + Lifetimes.format(lifetime) + ", more than "
                    + Lifetimes.format(kind.warnAbove), fix);
        }
    }

    private static boolean isAccessLifetime(String upperCaseName) {
        return TOKEN.matcher(upperCaseName).matches() && LIFETIME.matcher(upperCaseName).matches()
                && !NOT_ACCESS.matcher(upperCaseName).matches();
    }

    private static boolean isRefreshLifetime(String upperCaseName) {
        return upperCaseName.contains("REFRESH") && LIFETIME.matcher(upperCaseName).matches()
                && !upperCaseName.contains("LEEWAY") && !upperCaseName.contains("INTERVAL");
    }

    /** The limits and advice for one kind of token. */
    private record Kind(String label, Duration warnAbove, Duration failAbove, Duration suggested, String suggestedText,
            String advice) {
    }
}
