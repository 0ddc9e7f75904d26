package dev.preflight.env;

import dev.preflight.env.internal.EnvUrl;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.SecretShapes;
import dev.preflight.env.internal.UrlTemplates;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.SecretNames;
import dev.preflight.support.Stage;
import dev.preflight.support.Templates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.browser-exposed-secrets}: no secret sits in a variable that the front-end build inlines
 * into JavaScript. Next.js ("Bundling Environment Variables for the Browser"), Vite, Create React App,
 * Nuxt, Expo, SvelteKit, Gatsby and Vue CLI copy every variable with their prefix into the bundle that
 * every visitor downloads (OWASP Top 10 A01:2021; CWE-200).
 *
 * <p>Browser-exposed names start with {@code NEXT_PUBLIC_}, {@code VITE_}, {@code REACT_APP_},
 * {@code NUXT_PUBLIC_}, {@code EXPO_PUBLIC_}, {@code PUBLIC_}, {@code GATSBY_} or {@code VUE_APP_}.
 * Such a variable FAILs when its value has a {@linkplain SecretShapes secret's shape} ({@code sk_live_},
 * {@code whsec_}, a private key…) or is a URL with a password ({@code NEXT_PUBLIC_DATABASE_URL}), or
 * when it is non-empty and the rest of its name is a
 * {@linkplain SecretNames secret name} ({@code NEXT_PUBLIC_RAZORPAY_KEY_SECRET}). Keys that are public
 * by design pass: publishable keys, public keys, key ids, DSNs, Supabase anon keys, reCAPTCHA and
 * Turnstile site keys, Firebase and Maps API keys, Algolia search-only keys, PostHog project keys.
 * A value that is a {@linkplain Templates template} ({@code your-anon-key}, {@code pk_live_YOUR_KEY},
 * {@code https://your-project.supabase.co}) WARNs: no secret ships, but neither does the real value.
 * No browser-exposed variable: SKIP.
 *
 * @since 0.1
 */
public final class BrowserExposedSecretsProbe implements Probe {
    static final List<String> PREFIXES = List.of("NEXT_PUBLIC_", "VITE_", "REACT_APP_", "NUXT_PUBLIC_", "EXPO_PUBLIC_",
            "PUBLIC_", "GATSBY_", "VUE_APP_");
    private static final List<String> PUBLIC_BY_DESIGN = List.of("PUBLISHABLE", "PUBLIC_KEY", "ANON_KEY", "SITE_KEY",
            "DSN", "FIREBASE_API_KEY", "MAPS_API_KEY", "SEARCH_API_KEY", "SEARCH_ONLY_API_KEY", "POSTHOG_KEY");

    /** Creates the probe; stateless. */
    public BrowserExposedSecretsProbe() {
    }

    @Override
    public String id() {
        return "env.browser-exposed-secrets";
    }

    @Override
    public String title() {
        return "No secret is exposed to the browser bundle";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> exposed = Variables.matching(context.target().variables(), n -> prefix(n).isPresent());
        if (exposed.isEmpty()) {
            return Result.skip("no browser-exposed variables (" + String.join("…, ", PREFIXES) + "…)");
        }
        Map<String, String> leaks = new LinkedHashMap<>();
        exposed.forEach((name, value) -> reason(name, value).ifPresent(r -> leaks.put(name, r)));
        String remediation = "Move " + String.join(", ", leaks.keySet()) + " to server-only variables (drop the browser"
                + " prefix) in " + context.target().location() + " and read them only in server code. Rotate them if"
                + " they were ever deployed: they shipped in the JavaScript bundle.";
        Findings findings = new Findings();
        exposed.keySet().forEach(findings::checked);
        leaks.forEach((name, reason) -> findings.fail(name, reason, remediation));
        exposed.forEach((name, value) -> {
            if (!leaks.containsKey(name)) {
                template(value, Stage.of(context.target())).ifPresent(t -> findings.warn(name, t + "; the bundle would"
                        + " ship it as is", "Set " + name + " in " + context.target().location() + " to the real value."));
            }
        });
        return findings.toResult(Variables.count(exposed.size(), "browser-exposed variable") + ", none holds a secret");
    }

    private static Optional<String> reason(String name, String value) {
        Optional<String> shape = SecretShapes.describe(value);
        if (shape.isPresent()) {
            return Optional.of("is exposed to browsers and holds " + shape.get());
        }
        if (hasPassword(value)) {
            return Optional.of("is exposed to browsers and holds a URL with a password");
        }
        String upper = name.toUpperCase(Locale.ROOT);
        String rest = upper.substring(prefix(upper).orElseThrow().length());
        boolean publicByDesign = PUBLIC_BY_DESIGN.stream().anyMatch(rest::contains);
        if (!value.isEmpty() && !publicByDesign && SecretNames.isSecret(rest)) {
            return Optional.of("is exposed to browsers and its name marks it as a secret");
        }
        return Optional.empty();
    }

    private static Optional<String> template(String value, Stage stage) {
        return EnvUrl.schemeOf(value).isPresent() ? UrlTemplates.reason(value, stage) : Templates.reason(value);
    }

    private static boolean hasPassword(String value) {
        if (EnvUrl.schemeOf(value).isEmpty()) {
            return false;
        }
        try {
            return EnvUrl.parse(value).hasPassword();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<String> prefix(String upperCaseName) {
        return PREFIXES.stream().filter(upperCaseName::startsWith).findFirst();
    }
}
