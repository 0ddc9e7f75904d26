package dev.preflight.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a report, a log line or an error message.
 *
 * <p>A redactor knows the secret values of a run (keys, passwords, tokens from the configuration and
 * the environment file) and replaces each occurrence, raw or URL-encoded, with its {@link #mask
 * masked} form. Independently of what it knows, it also scrubs passwords from URLs
 * ({@code scheme://user:***@host}) and well-known key shapes ({@code sk_live_…}, {@code whsec_…}).
 * A known secret cut short by an ellipsis (text shortened for a report) is masked too. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * String safe = context.redactor().redact(exception.getMessage()); // for a log line; results are redacted by the runner
 * Redactor.mask("sk_live_51HxQ2eKz9vT4bW7cR0aY4242"); // "sk_live_…4242"
 * }</pre>
 *
 * @since 0.1
 */
public final class Redactor {
    /** Values shorter than this are not searched for: they would mangle ordinary words. */
    static final int MIN_SECRET_LENGTH = 4;

    private static final Pattern KNOWN_PREFIX =
            Pattern.compile("^(sk_live_|sk_test_|rk_live_|rk_test_|pk_live_|pk_test_|whsec_|rzp_live_|rzp_test_)");
    private static final Pattern URL_PASSWORD =
            // The password may hold spaces in a malformed URL: up to the next '@' on the line.
            Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^/\\s:@]*):([^/@\\n]+)@");
    private static final Pattern KEY_SHAPES =
            Pattern.compile("\\b(?:sk_live_|sk_test_|rk_live_|rk_test_|whsec_)[A-Za-z0-9]{6,}");

    /**
     * Placeholder words people leave in secret variables. They protect nothing, and redacting them
     * would garble every report sentence that uses the word ("set a real secret").
     */
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("secret", "password", "changeme", "change-me",
            "change_me", "default", "example", "sample", "dummy", "placeholder", "todo", "test", "admin", "root",
            "none", "null", "true", "false", "xxxx", "xxxxxxxx");

    private static final Redactor NONE = new Redactor(Set.of());

    private final List<String> secrets;

    private Redactor(Set<String> secrets) {
        // Longest first, so a secret that contains another is replaced whole.
        this.secrets = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /**
     * A redactor that knows the given secret values.
     *
     * @param secretValues secret values; nulls, blanks, values shorter than four characters and
     *     placeholder words such as {@code changeme} are ignored
     * @return the redactor
     */
    public static Redactor of(Collection<String> secretValues) {
        Set<String> values = new LinkedHashSet<>();
        for (String s : secretValues) {
            if (s != null && s.strip().length() >= MIN_SECRET_LENGTH
                    && !PLACEHOLDER_WORDS.contains(s.strip().toLowerCase(java.util.Locale.ROOT))) {
                values.add(s);
                String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
                if (!encoded.equals(s)) {
                    values.add(encoded);
                }
            }
        }
        return new Redactor(values);
    }

    /** @return a redactor that knows no secret but still scrubs URL passwords and key shapes */
    public static Redactor none() {
        return NONE;
    }

    /**
     * A redactor that knows this one's secrets and more.
     *
     * @param more further secret values
     * @return a new redactor
     */
    public Redactor with(Collection<String> more) {
        Set<String> all = new LinkedHashSet<>(secrets);
        all.addAll(more);
        return of(all);
    }

    /**
     * Replaces every known secret, URL password and key-shaped token in {@code text}, and the start of
     * a known secret that a shortened text cut off just before an ellipsis ({@code …}).
     *
     * @param text any text, may be null
     * @return the text without secrets, or null for null
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, mask(secret));
            }
        }
        out = maskCutSecrets(out);
        out = URL_PASSWORD.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":***@"));
        return KEY_SHAPES.matcher(out).replaceAll(m -> Matcher.quoteReplacement(maskShape(m.group())));
    }

    /**
     * Texts are shortened before they reach the runner (a summary at 300 characters, a header echoed
     * at 60), so a secret may arrive cut in two: its start, then {@code …}. Whole-secret search misses
     * that start, which is why it is looked for here.
     */
    private String maskCutSecrets(String text) {
        int cut = text.indexOf('…');
        if (cut < 0 || secrets.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (cut >= 0) {
            out.append(withoutCutSecret(text.substring(from, cut))).append('…');
            from = cut + 1;
            cut = text.indexOf('…', from);
        }
        return out.append(text, from, text.length()).toString();
    }

    /** @return the text with the start of a known secret at its very end reduced to the secret's known prefix */
    private String withoutCutSecret(String text) {
        for (String secret : secrets) {
            for (int k = Math.min(secret.length() - 1, text.length()); k >= MIN_SECRET_LENGTH; k--) {
                if (text.regionMatches(text.length() - k, secret, 0, k)) {
                    Matcher m = KNOWN_PREFIX.matcher(secret);
                    String prefix = m.find() && m.end() <= k ? m.group(1) : "";
                    return text.substring(0, text.length() - k) + prefix;
                }
            }
        }
        return text;
    }

    private static String maskShape(String token) {
        return token.contains("…") ? token : mask(token);
    }

    /**
     * The printable form of a secret: a well-known prefix kept, then an ellipsis, then the last four
     * characters if the rest is long enough that four give nothing away (twelve or more).
     *
     * @param secret a secret value
     * @return e.g. {@code sk_live_…4242}, {@code …f00d}, or {@code …} for short values
     */
    public static String mask(String secret) {
        if (secret == null) {
            return "…";
        }
        Matcher m = KNOWN_PREFIX.matcher(secret);
        String prefix = m.find() ? m.group(1) : "";
        String rest = secret.substring(prefix.length());
        return rest.length() >= 12 ? prefix + "…" + rest.substring(rest.length() - 4) : prefix + "…";
    }

    /**
     * A URL with the password of its user information replaced by {@code ***}; the user name stays.
     *
     * @param url any URL text
     * @return the URL without password
     */
    public static String redactUrl(String url) {
        return url == null ? null
                : URL_PASSWORD.matcher(url).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + ":***@"));
    }
}
