package dev.preflight.env.internal;

import dev.preflight.support.SecretNames;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which variables {@code env.secrets} treats as secrets: the names {@link SecretNames} redacts,
 * access key ids ({@code AWS_ACCESS_KEY_ID}), key lists ({@code APP_KEYS}), and names a user adds through a setting; never DSNs or
 * publishable keys, which are public by design.
 *
 * @since 0.1
 */
public final class SecretVariables {
    /**
     * Access key ids are not secret alone, so they are not redacted, but one left as a template means
     * the whole credential pair was never filled in.
     */
    private static final Pattern KEY_IDS = Pattern.compile(".*ACCESS_KEY(_ID)?");
    /** Key lists such as Strapi's {@code APP_KEYS}, which sign sessions. */
    private static final Pattern KEY_LISTS = Pattern.compile(".*_KEYS");

    private SecretVariables() {
    }

    /**
     * @param extra further names from a setting, any case; {@code *} matches any run of characters
     * @return a test of upper-case names
     */
    public static Predicate<String> names(List<String> extra) {
        Pattern added = globs(extra);
        return name -> added.matcher(name).matches() || isBuiltIn(name);
    }

    private static boolean isBuiltIn(String upperCaseName) {
        return (SecretNames.isSecret(upperCaseName) || KEY_IDS.matcher(upperCaseName).matches()
                || KEY_LISTS.matcher(upperCaseName).matches())
                && !upperCaseName.contains("DSN") && !upperCaseName.contains("PUBLISHABLE")
                && !upperCaseName.endsWith("PUBLIC_KEY");
    }

    /**
     * @param globs names with optional {@code *} wildcards
     * @return one pattern matching any of them in upper case; matches nothing when there are none
     */
    public static Pattern globs(List<String> globs) {
        if (globs.isEmpty()) {
            return Pattern.compile("(?!)");
        }
        return Pattern.compile(globs.stream().map(g -> g.toUpperCase(Locale.ROOT).replace('-', '_'))
                .map(g -> Pattern.quote(g).replace("*", "\\E.*\\Q")).collect(Collectors.joining("|")));
    }
}
