package dev.preflight.support;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches a report, a log line or an error message.
 *
 * <p>A redactor knows the secret values of a run (keys, passwords, tokens from the configuration and
 * the environment file, and {@code user:password} pairs of URLs) and replaces each occurrence with its
 * {@link #mask masked} form, in every form a secret travels in: raw, percent-encoded ({@code %XX} in
 * either case, {@code +} or {@code %20} for a space), and Base64 (standard and URL-safe, with and
 * without padding, which covers {@code Authorization: Basic base64(user:password)}). A known secret
 * cut short by an ellipsis (text shortened for a report) is masked too.
 *
 * <p>Independently of what it knows, it scrubs every URL in the text ({@code scheme://user:***@host/path?…},
 * a fragment of parameters as {@code #…}), {@code Basic} credentials and {@code Bearer} tokens, and
 * well-known key shapes ({@code sk_live_…}, {@code whsec_…}). Values shorter than four characters and
 * placeholder words are never searched for. The cost of {@link #redact} grows with the length of the
 * text, not with the number of secrets. Immutable and thread-safe.
 *
 * <pre>{@code
 * String safe = context.redactor().redact(exception.getMessage()); // for a log line; results are redacted by the runner
 * Redactor.mask("sk_live_51HxQ2eKz9vT4bW7cR0aY4242"); // "sk_live_…4242"
 * Redactor.redactUrl("https://app:pw@shop.example.com/?api_key=k"); // "https://app:***@shop.example.com/?…"
 * }</pre>
 *
 * @since 0.1
 */
public final class Redactor {
    /** Values shorter than this are not searched for: they would mangle ordinary words. */
    static final int MIN_SECRET_LENGTH = 4;

    private static final Pattern KNOWN_PREFIX =
            Pattern.compile("^(sk_live_|sk_test_|rk_live_|rk_test_|pk_live_|pk_test_|whsec_|rzp_live_|rzp_test_)");
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

    /** The secret values as given, for {@link #with}. */
    private final Set<String> values;
    /** Every form of every secret, keyed by its first {@link #MIN_SECRET_LENGTH} characters, longest first. */
    private final Map<String, List<Form>> byStart = new HashMap<>();
    /** First characters of the forms: most positions of a text are passed over on this test alone. */
    private final BitSet firstChars = new BitSet();
    private final int longest;

    /** One form a secret travels in, and what is shown instead. */
    private record Form(String text, String replacement) {
    }

    private Redactor(Set<String> values) {
        this.values = Set.copyOf(values);
        Map<String, Form> forms = new HashMap<>();
        // Raw values first: where an encoded form of one secret is the raw text of another, the raw one wins.
        values.forEach(v -> forms.put(v, new Form(v, mask(v))));
        for (String v : values) {
            SecretForms.of(v).forEach(f -> forms.putIfAbsent(f, new Form(f, mask(v))));
        }
        int max = 0;
        for (Form f : forms.values()) {
            byStart.computeIfAbsent(f.text().substring(0, MIN_SECRET_LENGTH), k -> new ArrayList<>()).add(f);
            firstChars.set(f.text().charAt(0));
            max = Math.max(max, f.text().length());
        }
        // Longest first, so a secret that contains another is replaced whole.
        byStart.values().forEach(l -> l.sort(Comparator.comparingInt((Form f) -> f.text().length()).reversed()));
        this.longest = max;
    }

    /**
     * A redactor that knows the given secret values. For a URL's credentials, pass the password and
     * {@code user:password} too: that pair is what an {@code Authorization: Basic} header encodes.
     *
     * @param secretValues secret values; nulls, blanks, values shorter than four characters and
     *     placeholder words such as {@code changeme} are ignored
     * @return the redactor
     */
    public static Redactor of(Collection<String> secretValues) {
        Set<String> values = new LinkedHashSet<>();
        for (String s : secretValues) {
            if (s != null && s.strip().length() >= MIN_SECRET_LENGTH
                    && !PLACEHOLDER_WORDS.contains(s.strip().toLowerCase(Locale.ROOT))) {
                values.add(s);
            }
        }
        return new Redactor(values);
    }

    /** @return a redactor that knows no secret but still scrubs URLs, credentials and key shapes */
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
        Set<String> all = new LinkedHashSet<>(values);
        all.addAll(more);
        return of(all);
    }

    /**
     * Replaces every known secret in each of its forms, the start of a known secret that a shortened
     * text cut off just before an ellipsis ({@code …}), the credentials, query and parameter fragment
     * of every URL, {@code Basic} and {@code Bearer} credentials, and key-shaped tokens in {@code text}.
     *
     * @param text any text, may be null
     * @return the text without secrets, or null for null
     */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = UrlScrubber.inText(text);
        out = replaceKnown(out);
        out = maskCutSecrets(out);
        out = AuthorizationShapes.masked(out);
        if (!mayHoldKeyShape(out)) {
            // Most texts hold no key prefix; the pattern would still be tried at every position.
            return out;
        }
        return KEY_SHAPES.matcher(out).replaceAll(m -> Matcher.quoteReplacement(maskShape(m.group())));
    }

    /** @return whether {@code text} holds a part every {@link #KEY_SHAPES} match holds */
    private static boolean mayHoldKeyShape(String text) {
        return text.contains("k_live_") || text.contains("k_test_") || text.contains("whsec_");
    }

    /** One pass, leftmost-longest: each position is tested against the few forms starting with its characters. */
    private String replaceKnown(String text) {
        if (byStart.isEmpty()) {
            return text;
        }
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i + MIN_SECRET_LENGTH <= text.length()) {
            Form hit = firstChars.get(text.charAt(i)) ? formAt(text, i) : null;
            if (hit == null) {
                i++;
                continue;
            }
            out = out != null ? out : new StringBuilder(text.length());
            out.append(text, copied, i).append(hit.replacement());
            i += hit.text().length();
            copied = i;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    private Form formAt(String text, int i) {
        List<Form> candidates = byStart.get(text.substring(i, i + MIN_SECRET_LENGTH));
        if (candidates != null) {
            for (Form f : candidates) {
                if (text.startsWith(f.text(), i)) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * Texts are shortened before they reach the runner (a summary at 300 characters, a header echoed
     * at 60), so a secret may arrive cut in two: its start, then {@code …}. Whole-secret search misses
     * that start, which is why it is looked for here, in every form.
     */
    private String maskCutSecrets(String text) {
        int cut = text.indexOf('…');
        if (cut < 0 || byStart.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (cut >= 0) {
            out.append(withoutCutSecret(text, from, cut)).append('…');
            from = cut + 1;
            cut = text.indexOf('…', from);
        }
        return out.append(text, from, text.length()).toString();
    }

    /**
     * @return {@code text[from, cut)} with the start of a known secret at its very end reduced to the
     *     secret's known prefix; the longest such start wins
     */
    private String withoutCutSecret(String text, int from, int cut) {
        for (int s = Math.max(from, cut - longest + 1); s <= cut - MIN_SECRET_LENGTH; s++) {
            if (!firstChars.get(text.charAt(s))) {
                continue;
            }
            List<Form> candidates = byStart.get(text.substring(s, s + MIN_SECRET_LENGTH));
            int k = cut - s;
            for (Form f : candidates == null ? List.<Form>of() : candidates) {
                if (k < f.text().length() && text.regionMatches(s, f.text(), 0, k)) {
                    Matcher m = KNOWN_PREFIX.matcher(f.text());
                    String prefix = m.find() && m.end() <= k ? m.group(1) : "";
                    return text.substring(from, s) + prefix;
                }
            }
        }
        return text.substring(from, cut);
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
     * A URL fit to show: the password of its user information (and a user name as long as a token)
     * replaced by {@code ***}, its query by {@code ?…}, a fragment of parameters by {@code #…}. The
     * whole text is taken as one URL, so a malformed one (a space in the password) is scrubbed too.
     *
     * @param url any URL text, may be null
     * @return e.g. {@code postgresql://shop:***@db:5432/shop?…}
     */
    public static String redactUrl(String url) {
        return url == null ? null : UrlScrubber.scrub(url);
    }
}
