package dev.preflight.support;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises values that stand in for a secret rather than being one: what sample files, tutorials
 * and framework generators ship ({@code changeme}, {@code your-api-key}, {@code <generate-a-secret>},
 * {@code sk_test_xxx}, {@code django-insecure-…}), and every {@linkplain Templates template} such as
 * {@code GENERATE_256_BIT_RANDOM_SECRET_HERE} or {@code YOUR_AWS_KEY}. The template test comes first:
 * no secret is measured, compared or accepted before it.
 *
 * <p>Reasons name the pattern matched, never the value itself, so they are safe to print.
 *
 * @since 0.3
 */
public final class Placeholders {
    private static final Set<String> WORDS = Set.of("changeme", "change-me", "change_me", "changethis", "change-this",
            "secret", "password", "passw0rd", "pass", "todo", "tbd", "fixme", "replace-me", "replace_me", "replaceme",
            "example", "dummy", "test", "testing", "placeholder", "default", "none", "null", "undefined", "...", "…",
            // Default credentials of servers and images (PostgreSQL, MySQL, RabbitMQ), as samples ship them.
            "admin", "root", "postgres", "guest", "sample");
    private static final List<String> FRAGMENTS = List.of("changeme", "change-me", "change_me", "replace-me",
            "replace_me", "replaceme");
    private static final List<String> PREFIXES = List.of("your-", "your_", "your ", "django-insecure-");
    /** A key prefix such as {@code sk_test_} or {@code whsec_} followed by nothing, x's, stars or dots. */
    private static final Pattern PREFIX_WITH_FILLER = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*_(x{3,}|\\*{3,}|\\.{3}|…)?");

    /** Two or more words in one case ending in a credential noun: {@code STRONG_PASSWORD}, {@code db-secret}. */
    private static final Pattern NAMED_CREDENTIAL = Pattern.compile("([A-Z0-9]+[_-])+(PASSWORD|PASSWD|PASS|PWD|SECRET"
            + "|KEY|TOKEN|PASSPHRASE|APIKEY)|([a-z0-9]+[_-])+(password|passwd|pass|pwd|secret|key|token|passphrase|apikey)");

    /** Words that sample secrets are made of: {@code supersecret}, {@code tobemodified}, {@code mysecretpassword}. */
    private static final List<String> STOCK = List.of("super", "secret", "my", "key", "password", "pass", "token",
            "refresh", "access", "jwt", "session", "cookie", "app", "api", "admin", "dev", "local", "demo", "to", "be",
            "modified", "change", "this", "please", "strong", "very", "long", "random", "string", "value", "some",
            "salt", "auth", "private", "signing", "sign", "with", "at", "least", "characters", "chars", "of", "and",
            "the", "is", "it", "me", "new", "default", "sample", "foo", "bar", "qwerty", "letmein");

    private Placeholders() {
    }

    /**
     * @param value a secret's value
     * @return why it is a placeholder, e.g. {@code "starts with 'your-', a template placeholder"}; empty if it
     *     looks real
     */
    public static Optional<String> reason(String value) {
        String v = Unquote.strip(value).toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (WORDS.contains(v)) {
            // Not quoted: the runner masks a secret's value wherever it appears, so it would print as '…'.
            return Optional.of("is a placeholder word");
        }
        for (String prefix : PREFIXES) {
            if (v.startsWith(prefix)) {
                return Optional.of(prefix.equals("django-insecure-")
                        ? "is a Django development key (django-insecure-…)"
                        : "starts with '" + prefix.strip() + "', a template placeholder");
            }
        }
        for (String fragment : FRAGMENTS) {
            if (v.contains(fragment)) {
                return Optional.of("contains '" + fragment + "', a placeholder");
            }
        }
        if (v.startsWith("<") && v.endsWith(">") || v.startsWith("{{") && v.endsWith("}}")) {
            return Optional.of("is an unfilled template (" + v.charAt(0) + "…" + v.charAt(v.length() - 1) + ")");
        }
        if (v.length() >= 3 && v.chars().distinct().count() == 1) {
            return Optional.of("repeats one character ('" + v.charAt(0) + "…'), a placeholder");
        }
        if (v.matches("12345\\d*")) {
            return Optional.of("is the sequence 12345…, a placeholder");
        }
        if (PREFIX_WITH_FILLER.matcher(v).matches()) {
            return Optional.of("is a key prefix with no real key after it (…" + v.substring(v.lastIndexOf('_')) + "), a template");
        }
        Optional<String> template = Templates.reason(value);
        if (template.isPresent()) {
            return template;
        }
        if (NAMED_CREDENTIAL.matcher(Unquote.strip(value)).matches()) {
            // STRONG_PASSWORD, db-password: what the value should be, written where the value belongs.
            return Optional.of("names a credential instead of being one ('…_" + v.substring(Math.max(v.lastIndexOf('_'),
                    v.lastIndexOf('-')) + 1).toUpperCase(Locale.ROOT) + "'), a template");
        }
        if (isWordSoup(v)) {
            return Optional.of("is made of stock words (secret, super, key, to be modified…), a sample value");
        }
        if (v.startsWith("your") || v.endsWith("here") && v.matches("[a-z0-9]+")) {
            return Optional.of(v.startsWith("your") ? "starts with 'your', a template placeholder"
                    : "ends with 'here', a template placeholder");
        }
        return Optional.empty();
    }

    /** Whether the letters of a value, digits and separators aside, split wholly into stock words. */
    private static boolean isWordSoup(String lowerCase) {
        String letters = lowerCase.replaceAll("[^a-z]", "");
        if (letters.length() < 6 || !lowerCase.matches("[a-z0-9 _.,-]+")) {
            return false;
        }
        boolean[] splits = new boolean[letters.length() + 1];
        splits[0] = true;
        for (int end = 1; end <= letters.length(); end++) {
            for (String word : STOCK) {
                int start = end - word.length();
                if (start >= 0 && splits[start] && letters.startsWith(word, start)) {
                    splits[end] = true;
                    break;
                }
            }
        }
        return splits[letters.length()];
    }
}
