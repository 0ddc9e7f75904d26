package dev.preflight.env;

import dev.preflight.env.internal.Entropy;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.JwtAlgorithm;
import dev.preflight.env.internal.PaymentKeyVariables;
import dev.preflight.env.internal.SecretShapes;
import dev.preflight.env.internal.SecretVariables;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Placeholders;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code env.secret-strength}: keys that sign sessions, cookies and tokens are long and random enough
 * not to be guessed or brute-forced offline from one signed token. OWASP's Cryptographic Storage Cheat
 * Sheet asks for at least 128 bits from a secure random source; RFC 7518 §3.2 asks HS256 keys to be
 * at least 256 bits.
 *
 * <p>Reads {@code SECRET_KEY}, {@code JWT_SECRET}, {@code JWT_SECRET_KEY}, {@code SESSION_SECRET},
 * {@code COOKIE_SECRET}, {@code NEXTAUTH_SECRET}, {@code AUTH_SECRET}, {@code APP_KEY},
 * {@code SECRET_KEY_BASE}, {@code DJANGO_SECRET_KEY}, {@code FLASK_SECRET_KEY}, {@code JWT_KEY},
 * {@code JWT_REFRESH_SECRET}, any {@code *_SIGNING_KEY} and any {@code *_SECRET_KEY}
 * ({@code SESSION_SECRET_KEY}, {@code CSRF_SECRET_KEY}) except keys a provider issues (Stripe's
 * {@code sk_…}, {@code whsec_…}, which the payment probes judge), plus the names of the setting
 * {@code variable-name}. Each value is first tested for a {@linkplain Placeholders template}
 * ({@code GENERATE_256_BIT_RANDOM_SECRET_HERE}, {@code CHANGE_ME}): a template FAILs as one and is
 * never measured, however long it is. Laravel's {@code APP_KEY=base64:…} is decoded and measured in
 * bytes. Each FAILs below {@code min-length} characters (default 32) or below
 * {@code min-entropy-bits} estimated bits (default 128; see {@link Entropy} for the estimate), with
 * the measured length and bits in the details, never the value.
 *
 * <p>When {@code JWT_ALGORITHM} or {@code ALGORITHM} names an HMAC algorithm, the JWT key
 * ({@code JWT_SECRET}, {@code JWT_SECRET_KEY} or {@code JWT_KEY}, else {@code SECRET_KEY}) must also
 * be at least as long as the hash: 32 characters for {@code HS256}, 48 for {@code HS384}, 64 for
 * {@code HS512} (RFC 7518 §3.2), else FAIL. {@code none} FAILs: the tokens would be unsigned
 * (RFC 8725 §3.1). Applies in every stage. None set: SKIP.
 *
 * <p>Settings: {@code env.secret-strength.min-length}, {@code env.secret-strength.min-entropy-bits},
 * {@code env.secret-strength.variable-name} (further signing-secret names, comma-separated, {@code *}
 * as a wildcard).
 *
 * @since 0.1
 */
public final class SecretStrengthProbe implements Probe {
    static final List<String> VARIABLES = List.of("SECRET_KEY", "JWT_SECRET", "JWT_SECRET_KEY", "SESSION_SECRET",
            "COOKIE_SECRET", "NEXTAUTH_SECRET", "AUTH_SECRET", "APP_KEY", "SECRET_KEY_BASE", "DJANGO_SECRET_KEY",
            "FLASK_SECRET_KEY", "JWT_KEY", "JWT_REFRESH_SECRET");
    private static final String LARAVEL_PREFIX = "base64:";

    /** Creates the probe; stateless. */
    public SecretStrengthProbe() {
    }

    @Override
    public String id() {
        return "env.secret-strength";
    }

    @Override
    public String title() {
        return "Signing secrets are long and random";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Pattern added = SecretVariables.globs(context.settings().list("variable-name"));
        Map<String, String> keys = Variables.matching(context.target().variables(),
                name -> VARIABLES.contains(name) || name.endsWith("_SIGNING_KEY") || added.matcher(name).matches()
                        || name.endsWith("_SECRET_KEY") && PaymentKeyVariables.keyFor(name).isEmpty());
        keys.values().removeIf(v -> SecretShapes.describe(v).filter(d -> d.contains("Stripe")).isPresent());
        Optional<JwtAlgorithm> algorithm = JwtAlgorithm.of(context.target().variables());
        if (keys.isEmpty() && algorithm.isEmpty()) {
            return Result.skip("no signing secret set (looked for " + Variables.list(VARIABLES)
                    + ", *_SIGNING_KEY, *_SECRET_KEY)");
        }
        int minLength = context.settings().integer("min-length", 32);
        int minBits = context.settings().integer("min-entropy-bits", 128);
        String file = context.target().location();
        Findings findings = new Findings().detail("minLength", minLength).detail("minEntropyBits", minBits);
        List<String> measured = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        keys.forEach((name, value) -> {
            findings.checked(name);
            Optional<String> template = Placeholders.reason(value);
            Measure m = measure(name, value);
            measured.add(name + ": " + (template.isPresent() ? "a template, " : "") + m.describe());
            if (template.isPresent()) {
                // Judged before length and bits: a long template phrase scores as many "bits" as a random key.
                reasons.put(name, template.get() + ", not a secret");
            } else if (m.invalid != null) {
                reasons.put(name, m.invalid);
            } else if (m.length < minLength || m.bits < minBits) {
                reasons.put(name, "is " + m.describe() + "; needs at least " + minLength + " " + m.unit + " and "
                        + minBits + " bits");
            }
            if (keys.size() == 1) {
                findings.detail("length", m.length).detail("entropyBits", (int) Math.floor(m.bits));
            }
        });
        String remediation = "Generate a new " + String.join(", ", reasons.keySet()) + " from a secure random source, e.g. "
                + "openssl rand -hex 32 (Laravel: php artisan key:generate; Rails: bin/rails secret), and set it in "
                + file + ". Rotating a signing key signs everyone out.";
        reasons.forEach((name, reason) -> findings.fail(name, reason, remediation));
        algorithm.ifPresent(a -> a.judge(context.target().variables(), reasons.keySet(), file, findings));
        findings.detail("measured", measured);
        return findings.toResult("signing secrets are at least " + minLength + " characters and " + minBits
                + " bits (" + String.join(", ", keys.keySet()) + ")"
                + algorithm.map(a -> "; " + a.variable() + " " + a.name() + " has a long enough key").orElse(""));
    }

    private static Measure measure(String name, String value) {
        if (name.toUpperCase(Locale.ROOT).equals("APP_KEY") && value.startsWith(LARAVEL_PREFIX)) {
            try {
                byte[] bytes = Base64.getDecoder().decode(value.substring(LARAVEL_PREFIX.length()));
                return new Measure(bytes.length, Entropy.bits(bytes), "bytes", null);
            } catch (IllegalArgumentException e) {
                return new Measure(0, 0, "bytes", "has a base64: prefix but is not valid base64");
            }
        }
        return new Measure(value.codePointCount(0, value.length()), Entropy.bits(value), "characters", null);
    }

    /** What was measured of one secret; {@code invalid} says why it could not be measured. */
    private record Measure(int length, double bits, String unit, String invalid) {
        String describe() {
            return invalid != null ? invalid
                    : length + " " + unit + " with about " + (int) Math.floor(bits) + " bits of entropy";
        }
    }
}
