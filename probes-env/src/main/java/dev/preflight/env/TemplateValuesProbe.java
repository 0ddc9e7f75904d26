package dev.preflight.env;

import dev.preflight.env.internal.EnvUrl;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.SecretVariables;
import dev.preflight.env.internal.UrlTemplates;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Placeholders;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import dev.preflight.support.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code env.templates}: no value is still the template a sample file shipped. A file copied from
 * {@code .env.example} and deployed half filled in carries values such as {@code your-bucket-name},
 * {@code https://your-project.supabase.co}, {@code hello@example.com} or
 * {@code REPLACE_WITH_YOUR_KEY}; the other probes judge only the variables they know, so this one
 * reads every variable, whatever its name.
 *
 * <p>A value FAILs when it is a {@linkplain Templates template}, or, under a secret's name, a
 * {@linkplain Placeholders placeholder} ({@code changeme}, {@code tobemodified}) (a phrase with {@code your},
 * {@code _HERE}, {@code CHANGE_ME}, {@code REPLACE_…}, {@code INSERT_…}, {@code GENERATE_…}; a run of
 * {@code X}; {@code <…>} or {@code {…}}); when it is a URL that is a {@linkplain UrlTemplates
 * template}; and when a host ({@code *_HOST}, {@code *_DOMAIN}, {@code *_HOSTNAME}) or the domain of
 * an e-mail address is a {@linkplain TemplateHosts template host} ({@code example.com},
 * {@code your-domain.com}). A {@code ${NAME}} reference to a variable the file sets is left alone,
 * as loaders such as phpdotenv and dotenv-expand expand it; one to a variable the file does not set
 * WARNs, since Preflight cannot see its value. Display texts ({@code *_NAME}, {@code *_TITLE},
 * {@code *_MESSAGE}…) are not read. Reasons never quote a secret's value. Applies in every stage.
 * An empty file: SKIP.
 *
 * <p>Settings: {@code env.templates.ignore}, names not to read, comma-separated, {@code *} as a
 * wildcard.
 *
 * @since 0.1
 */
public final class TemplateValuesProbe implements Probe {
    private static final Pattern DISPLAY = Pattern.compile(".*(_NAME|_TITLE|_TEXT|_MESSAGE|_LABEL|_DESCRIPTION|_SUBJECT"
            + "|_FOOTER|_GREETING)");
    private static final Pattern HOST_NAME = Pattern.compile(".*(_HOST|_HOSTNAME|_DOMAIN|_SERVER)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]+@([A-Za-z0-9.-]+)");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\\}");

    /** Creates the probe; stateless. */
    public TemplateValuesProbe() {
    }

    @Override
    public String id() {
        return "env.templates";
    }

    @Override
    public String title() {
        return "No value is a template left from the sample file";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> variables = context.target().variables();
        if (variables.isEmpty()) {
            return Result.skip("the file sets no variables");
        }
        Pattern ignored = SecretVariables.globs(context.settings().list("ignore"));
        Predicate<String> secretNames = SecretVariables.names(List.of());
        Stage stage = Stage.of(context.target());
        String file = context.target().location();
        Findings findings = new Findings();
        List<String> templates = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        Variables.matching(variables, name -> !DISPLAY.matcher(name).matches() && !ignored.matcher(name).matches())
                .forEach((name, value) -> {
                    findings.checked(name);
                    Optional<String> missing = unsetReference(name, value, variables);
                    if (missing.isPresent()) {
                        unresolved.add(name);
                        findings.warn(name, "refers to ${" + missing.get() + "}, which the file does not set, so its"
                                + " value cannot be judged", "Set " + missing.get() + " in " + file + ", or write "
                                + name + "'s value itself.");
                        return;
                    }
                    Optional<String> secret = secretNames.test(name.toUpperCase(Locale.ROOT)) && !isUrl(value)
                            ? Placeholders.reason(value) : Optional.empty();
                    secret.or(() -> reason(name, withoutReferences(value), stage)).ifPresent(r -> {
                        templates.add(name);
                        findings.fail(name, r, "Replace the template values of " + String.join(", ", templates)
                                + " in " + file + " with the deployment's real values.");
                    });
                });
        return findings.toResult("no value is a template (" + Variables.count(variables.size(), "variable") + " read)");
    }

    private static Optional<String> reason(String name, String value, Stage stage) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (EnvUrl.schemeOf(value).isPresent()) {
            return UrlTemplates.reason(value, stage);
        }
        Optional<String> template = Templates.reason(value);
        if (template.isPresent()) {
            return template;
        }
        if (HOST_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches() && !value.contains(" ")) {
            return TemplateHosts.reason(value.contains(":") ? value.substring(0, value.indexOf(':')) : value, stage);
        }
        Matcher email = EMAIL.matcher(value);
        return email.find() ? TemplateHosts.reason(email.group(1), stage).map(r -> "is an address whose " + r)
                : Optional.empty();
    }

    /** The first {@code ${NAME}} the file does not set, if any. */
    private static Optional<String> unsetReference(String name, String value, Map<String, String> variables) {
        Matcher m = REFERENCE.matcher(value);
        while (m.find()) {
            String referenced = m.group(1);
            // JWT_SECRET=${JWT_SECRET} refers to itself: whatever fills it is not in the file.
            boolean set = !referenced.equals(name) && variables.containsKey(referenced);
            if (!set && !m.group().contains("-")) {
                return Optional.of(referenced);
            }
        }
        return Optional.empty();
    }

    private static boolean isUrl(String value) {
        return EnvUrl.schemeOf(value).isPresent();
    }

    /** The value with references to set variables removed: their targets are judged on their own. */
    private static String withoutReferences(String value) {
        return REFERENCE.matcher(Variables.clean(value)).replaceAll("");
    }
}
