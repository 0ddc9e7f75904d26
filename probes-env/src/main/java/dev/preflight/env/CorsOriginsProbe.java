package dev.preflight.env;

import dev.preflight.env.internal.EnvUrl;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.Flags;
import dev.preflight.env.internal.UrlTemplates;
import dev.preflight.env.internal.ValueLists;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.cors-origins}: cross-origin access and CSRF trust go to named HTTPS origins only. A
 * wildcard or {@code null} origin lets any site (or any sandboxed iframe) read API responses, and a
 * plaintext origin lets a network attacker inject script that the API then trusts (OWASP HTML5
 * Security Cheat Sheet, "Cross Origin Resource Sharing"; PortSwigger, "CORS vulnerabilities").
 *
 * <p>Origin lists ({@code CORS_ALLOWED_ORIGINS}, {@code CORS_ORIGINS}, {@code CORS_ORIGIN},
 * {@code CORS_ALLOW_ORIGINS}, {@code CORS_ORIGIN_WHITELIST}): {@code *}, {@code null}, an
 * {@code http://} origin on a non-loopback host, and an entry that is not an origin FAIL; an entry
 * with a path or trailing slash WARNs, as it never equals a browser's {@code Origin} header.
 * {@code CORS_ALLOW_ALL_ORIGINS} or {@code CORS_ORIGIN_ALLOW_ALL} on (or unreadable) FAILs.
 * {@code CSRF_TRUSTED_ORIGINS} entries must be {@code https://} (Django 4 subdomain wildcards such as
 * {@code https://*.example.com} are fine; {@code http://} on a non-loopback host FAILs). An entry
 * that is a {@linkplain UrlTemplates template} ({@code https://your-frontend.com},
 * {@code https://app.example.com}) FAILs as one in both. Applies in every stage. None set: SKIP.
 *
 * @since 0.1
 */
public final class CorsOriginsProbe implements Probe {
    static final List<String> ORIGIN_LISTS = List.of("CORS_ALLOWED_ORIGINS", "CORS_ORIGINS", "CORS_ORIGIN",
            "CORS_ALLOW_ORIGINS", "CORS_ORIGIN_WHITELIST");
    static final List<String> ALLOW_ALL = List.of("CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL");
    static final String CSRF = "CSRF_TRUSTED_ORIGINS";

    /** Creates the probe; stateless. */
    public CorsOriginsProbe() {
    }

    @Override
    public String id() {
        return "env.cors-origins";
    }

    @Override
    public String title() {
        return "CORS and CSRF trust only named HTTPS origins";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> vars = context.target().variables();
        String file = context.target().location();
        Stage stage = Stage.of(context.target());
        Findings findings = new Findings();
        Variables.named(vars, ALLOW_ALL).forEach((name, value) -> {
            findings.checked(name);
            Optional<Boolean> on = Flags.parse(value);
            if (on.orElse(true)) {
                findings.fail(name, on.isPresent() ? "allows every origin" : "is " + Variables.show(value)
                        + ", neither on nor off", "Set " + name + "=false in " + file + " and list the front-end origins in "
                        + "CORS_ALLOWED_ORIGINS.");
            }
        });
        Variables.named(vars, ORIGIN_LISTS).forEach((name, value) -> {
            findings.checked(name);
            judgeAll(name, value, false, file, stage, findings);
        });
        Variables.named(vars, List.of(CSRF)).forEach((name, value) -> {
            findings.checked(name);
            judgeAll(name, value, true, file, stage, findings);
        });
        if (findings.isEmpty()) {
            return Result.skip("no CORS or CSRF origin settings (looked for " + Variables.list(ORIGIN_LISTS) + ", "
                    + Variables.list(ALLOW_ALL) + ", " + CSRF + ")");
        }
        return findings.toResult("CORS and CSRF trust only named HTTPS origins");
    }

    private static void judgeAll(String name, String value, boolean csrf, String file, Stage stage,
            Findings findings) {
        List<String> origins = ValueLists.split(value);
        for (int i = 0; i < origins.size(); i++) {
            judge(name, i + 1, origins.get(i), csrf, file, stage, findings);
        }
    }

    private static void judge(String name, int position, String origin, boolean csrf, String file, Stage stage,
            Findings findings) {
        String fix = "List only the front end's https:// origins in " + name + " in " + file
                + ", e.g. https://shop.example.com.";
        if (origin.equals("*") || origin.toLowerCase(Locale.ROOT).equals("null")) {
            findings.fail(name, origin.equals("*") ? "allows any origin (*)"
                    : "allows the null origin, which sandboxed iframes and local files send", fix);
            return;
        }
        Optional<String> template = UrlTemplates.reason(origin.replaceFirst("://\\*\\.", "://"), stage);
        if (template.isPresent()) {
            findings.fail(name, "entry " + position + " " + template.get(), fix);
            return;
        }
        EnvUrl url;
        try {
            // A Django 4 CSRF subdomain wildcard ("https://*.example.com") is fine; judge the host after it.
            url = EnvUrl.parse(origin.replaceFirst("://\\*\\.", "://"));
        } catch (IllegalArgumentException e) {
            // Not quoted: a malformed entry may be anything, a pasted credential included.
            findings.fail(name, "entry " + position + " is not an origin (expected scheme://host[:port])", fix);
            return;
        }
        String shown = Variables.show(url.display());
        if (url.scheme().equals("http") && !url.isLocal()) {
            findings.fail(name, (csrf ? "trusts" : "allows") + " the plaintext origin " + shown, fix);
        } else if (csrf && !url.scheme().equals("https") && !url.isLocal()) {
            findings.fail(name, "trusts " + shown + ", which is not https", fix);
        } else if (!url.path().isEmpty()) {
            findings.warn(name, "has " + shown + " with a path or trailing slash, which never matches an Origin header",
                    "Drop the path and trailing slash from entry " + position + " of " + name + " in " + file + ".");
        }
    }
}
