package dev.preflight.env;

import dev.preflight.env.internal.EnvUrl;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.SecretVariables;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Placeholders;
import dev.preflight.support.SecretNames;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code env.secrets}: every secret has a real value. Sample files and tutorials ship values such as
 * {@code changeme} and {@code your-api-key}; deployed unchanged, they let anyone who has read the
 * sample forge sessions or call the API (OWASP Top 10 A07:2021, Identification and Authentication
 * Failures: default credentials; CWE-798).
 *
 * <p>Secrets are the variables {@link SecretNames#isSecret} names, access key ids
 * ({@code AWS_ACCESS_KEY_ID}, {@code *_ACCESS_KEY_ID}: not secret alone, but a template one means the
 * credentials were never filled in) and the names of the setting {@code variable-name}; DSNs and
 * publishable keys are public by design and left out. Each FAILs when it is empty, when it is a
 * {@linkplain Placeholders placeholder or template} ({@code changeme}, {@code YOUR_AWS_KEY},
 * {@code GENERATE_256_BIT_RANDOM_SECRET_HERE}, {@code XXXXXXXX}), when it equals the non-empty value of
 * the same variable in the sample file (which is committed, so the value is public), and when the
 * sample lists it but the file lacks it. A URL's password, under any name, is a secret like any
 * other: a placeholder one FAILs ({@code postgresql://app:password@db/app}); the rest of a URL is the
 * URL probes' to judge. All offenders are reported in one result. No secret at all: SKIP. Applies in
 * every stage: a guessable secret on staging is as forgeable as on production.
 *
 * <p>Settings: {@code env.secrets.variable-name}, further names of variables that hold secrets,
 * comma-separated, {@code *} matching any run of characters (e.g. {@code LEGACY_SIGNER,*_CRED}). (The
 * key ends in {@code -name} so that the run's redactor does not take the list itself for a secret.)
 *
 * @since 0.1
 */
public final class SecretValuesProbe implements Probe {

    /** Creates the probe; stateless. */
    public SecretValuesProbe() {
    }

    @Override
    public String id() {
        return "env.secrets";
    }

    @Override
    public String title() {
        return "Secrets are set, and not placeholders or sample values";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Predicate<String> named = SecretVariables.names(context.settings().list("variable-name"));
        Map<String, String> secrets = Variables.matching(context.target().variables(), named);
        secrets.values().removeIf(SecretValuesProbe::isUrl);
        Map<String, String> urlPasswords = urlPasswords(context.target().variables());
        Map<String, String> sample = Variables.matching(context.target().sampleVariables(), named);
        sample.values().removeIf(SecretValuesProbe::isUrl);
        Set<String> present = context.target().variables().keySet().stream().map(n -> n.toUpperCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> missing = sample.keySet().stream().filter(n -> !present.contains(n.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toList());
        if (secrets.isEmpty() && missing.isEmpty() && urlPasswords.isEmpty()) {
            return Result.skip("no secret variables set (names containing SECRET, PASSWORD, TOKEN, KEY, CREDENTIAL, AUTH…)");
        }
        Map<String, Offense> offenses = new LinkedHashMap<>();
        Map<String, String> sampleByName = new LinkedHashMap<>();
        sample.forEach((name, value) -> sampleByName.put(name.toUpperCase(Locale.ROOT), value));
        secrets.forEach((name, value) -> find(value, sampleByName.getOrDefault(name.toUpperCase(Locale.ROOT), ""))
                .ifPresent(o -> offenses.put(name, o)));
        missing.forEach(name -> offenses.put(name, new Offense(Kind.MISSING, "is missing (the sample file lists it)")));
        urlPasswords.forEach((name, password) -> Placeholders.reason(password).ifPresent(r ->
                offenses.putIfAbsent(name, new Offense(Kind.URL_PASSWORD, "has a password in its URL that " + r))));

        Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
        offenses.forEach((name, o) -> byKind.computeIfAbsent(o.kind.group(), k -> new ArrayList<>()).add(name));
        String file = context.target().location();
        Findings findings = new Findings();
        secrets.keySet().forEach(findings::checked);
        urlPasswords.keySet().forEach(findings::checked);
        offenses.forEach((name, o) ->
                findings.fail(name, o.reason, o.kind.remediation(byKind.get(o.kind.group()), file)));
        return findings.toResult(Variables.count(secrets.size() + urlPasswords.size(), "secret")
                + " set, none empty, a placeholder or copied from the sample");
    }

    private static Optional<Offense> find(String value, String sampleValue) {
        if (value.isEmpty()) {
            return Optional.of(new Offense(Kind.EMPTY, "is empty"));
        }
        Optional<String> placeholder = Placeholders.reason(value);
        if (placeholder.isPresent()) {
            return Optional.of(new Offense(Kind.PLACEHOLDER, placeholder.get()));
        }
        if (!sampleValue.isEmpty() && sampleValue.equals(value)) {
            return Optional.of(new Offense(Kind.FROM_SAMPLE, "has the same value as in the sample file"));
        }
        return Optional.empty();
    }

    /** The passwords inside URL values, whatever the variable is called; DSNs carry keys, not passwords. */
    private static Map<String, String> urlPasswords(Map<String, String> variables) {
        Map<String, String> out = new LinkedHashMap<>();
        Variables.matching(variables, name -> !name.contains("DSN")).forEach((name, value) -> {
            if (!isUrl(value)) {
                return;
            }
            try {
                EnvUrl.parse(value).password().ifPresent(p -> out.put(name, p));
            } catch (IllegalArgumentException e) {
                // A malformed URL is the URL probes' to report.
            }
        });
        return out;
    }

    private static boolean isUrl(String value) {
        return value.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    private record Offense(Kind kind, String reason) {
    }

    private enum Kind {
        EMPTY, PLACEHOLDER, FROM_SAMPLE, MISSING, URL_PASSWORD;

        /** Empty and placeholder values share one remediation. */
        Kind group() {
            return this == EMPTY ? PLACEHOLDER : this;
        }

        String remediation(List<String> names, String file) {
            String list = String.join(", ", names);
            switch (this) {
                case FROM_SAMPLE:
                    return "The sample file is committed, so its values are public: generate new values for " + list
                            + " (e.g. openssl rand -hex 32, or a new key in the provider's dashboard) and set them in "
                            + file + ".";
                case MISSING:
                    return "Add " + list + " to " + file + " with real values.";
                case URL_PASSWORD:
                    return "Give the account in " + list + " a real password (e.g. openssl rand -base64 24, percent-encoded"
                            + " in the URL) and set it in " + file + ".";
                default:
                    return names.size() == 1
                            ? "Set " + list + " in " + file + " to a real secret: generate one (e.g. openssl rand -hex 32)"
                                    + " or copy it from the provider's dashboard."
                            : "Set " + list + " in " + file + " to real secrets: generate them (e.g. openssl rand -hex 32)"
                                    + " or copy them from the provider's dashboard.";
            }
        }
    }
}
