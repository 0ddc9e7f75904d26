package dev.preflight.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises template values by their form, whatever the variable holds: what sample files ship in
 * place of a real value ({@code GENERATE_256_BIT_RANDOM_SECRET_HERE}, {@code YOUR_AWS_KEY},
 * {@code rzp_live_XXXXXXXXXX}, {@code <password>}, {@code ${DB_HOST}}). Unlike {@link Placeholders},
 * it knows no words that are only suspicious in a secret ({@code test}, {@code none}), so it may be
 * asked about any value.
 *
 * <p>The rules, each of which names itself in the reason:
 * <ul>
 * <li>a phrase of words (split at every other character and at camelCase, each word in one case or
 *     capitalised) that contains a template marker: {@code your}, {@code here}, {@code change me},
 *     {@code replace}, {@code insert}, {@code generate}, {@code placeholder}, {@code example},
 *     {@code sample}, {@code dummy}, {@code fake}, {@code todo}…, or starts with {@code my};</li>
 * <li>a run of {@code X} standing for the variable part ({@code XXXXX} anywhere, or {@code xxx}
 *     between separators), or a run of {@code ***};</li>
 * <li>{@code <…>}, {@code {…}}, {@code {{…}}} around a name, and {@code ${…}} left unexpanded;</li>
 * <li>values published in vendors' documentation, such as AWS's {@code AKIAIOSFODNN7EXAMPLE}.</li>
 * </ul>
 * A real random secret matches none of them: it has digits inside its words, mixed case, or no
 * separators. Reasons never quote the value, so they are safe to print.
 *
 * @since 0.3
 */
public final class Templates {
    private static final Set<String> MARKERS = Set.of("your", "yours", "here", "changeme", "placeholder", "example",
            "sample", "dummy", "fake", "todo", "fixme", "tbd", "replace", "replaceme", "insert", "generate", "paste",
            "enter", "fill", "redacted");
    private static final Set<String> AFTER_CHANGE = Set.of("me", "this", "it", "in", "before", "later", "on");
    private static final Pattern WORD = Pattern.compile("[a-z]+|[A-Z]+|[A-Z][a-z]+|\\d+");
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])");
    private static final Pattern X_RUN = Pattern.compile("x{5,}|X{5,}|(?<![A-Za-z0-9])(xxx|XXX|xxxx|XXXX)(?![A-Za-z0-9])|\\*{3,}");
    private static final Pattern ANGLE = Pattern.compile("<[A-Za-z][A-Za-z0-9 _.-]*>");
    private static final Pattern BRACES = Pattern.compile("(?<!\\$)\\{\\{?\\s*[A-Za-z_][A-Za-z0-9 _.-]*\\}\\}?");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{[^}]*\\}");
    /** Documentation values that appear verbatim in tutorials and sample files. */
    private static final Set<String> DOCUMENTED = Set.of("AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "pk_test_TYooMQauvdEDq54NiTphI7jx");

    private Templates() {
    }

    /**
     * @param value any value, quotes and surrounding spaces aside
     * @return why it is a template, e.g. {@code "is a template phrase ('…_HERE')"}; empty if it is not one
     */
    public static Optional<String> reason(String value) {
        String v = Unquote.strip(value);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (DOCUMENTED.contains(v)) {
            return Optional.of("is a value published in vendor documentation, a template");
        }
        if (REFERENCE.matcher(v).find()) {
            return Optional.of("holds an unexpanded ${…} reference, a template (Preflight reads the file as written)");
        }
        if (ANGLE.matcher(v).find()) {
            return Optional.of("holds an unfilled <…> template placeholder");
        }
        if (BRACES.matcher(v).find()) {
            return Optional.of("holds an unfilled {…} template placeholder");
        }
        Matcher x = X_RUN.matcher(v);
        if (x.find()) {
            return Optional.of(x.group().startsWith("*") ? "is masked with ***, a template"
                    : "fills its variable part with " + x.group().charAt(0) + "'s, a template");
        }
        return phrase(v);
    }

    /** A phrase made of plain words, at least one of which marks a template. */
    private static Optional<String> phrase(String v) {
        List<String> words = new ArrayList<>();
        for (String w : SEPARATORS.split(v)) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        if (words.isEmpty() || !words.stream().allMatch(w -> WORD.matcher(w).matches())) {
            return Optional.empty();
        }
        List<String> lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        if (lower.get(0).startsWith("your") || lower.get(0).equals("my") && lower.size() > 1) {
            return Optional.of("starts with '" + words.get(0) + "', a template placeholder");
        }
        for (int i = 0; i < lower.size(); i++) {
            String w = lower.get(i);
            if (MARKERS.contains(w) || w.equals("change") && i + 1 < lower.size() && AFTER_CHANGE.contains(lower.get(i + 1))) {
                return Optional.of("is a template phrase (contains '" + words.get(i) + "')");
            }
        }
        return Optional.empty();
    }
}
