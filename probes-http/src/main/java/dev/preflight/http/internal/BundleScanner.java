package dev.preflight.http.internal;

import dev.preflight.support.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds keys and development addresses in front-end text (HTML or JavaScript) and turns each into a
 * {@link Leak} whose evidence is safe to print: no key ever leaves this class whole.
 *
 * <p>Publishable live keys ({@code pk_live_}, {@code rzp_live_}) are meant to be public and are
 * not reported. {@code http://localhost} with neither port nor API path is not reported either:
 * libraries use it as a dummy base for URL parsing.
 */
public final class BundleScanner {
    private static final int MAX_URL = 100;
    private static final int MAX_KEY = 256;
    private static final int WINDOW = 512;
    private static final Pattern ALNUM_16 = Pattern.compile("[A-Za-z0-9]{16,}");
    private static final Pattern AWS_REST = Pattern.compile("[A-Z0-9]{16}(?![A-Za-z0-9])");

    /** A key shape, found from its literal prefix, with the label it is reported under. */
    private record KeyShape(String prefix, Pattern rest, Leak.Kind kind, String label) {
    }

    private static final List<KeyShape> KEYS = List.of(
            new KeyShape("sk_live_", ALNUM_16, Leak.Kind.SECRET_KEY, "Stripe secret key"),
            new KeyShape("sk_test_", ALNUM_16, Leak.Kind.SECRET_KEY, "Stripe secret key (test mode)"),
            new KeyShape("rk_live_", ALNUM_16, Leak.Kind.SECRET_KEY, "Stripe restricted key"),
            new KeyShape("rk_test_", ALNUM_16, Leak.Kind.SECRET_KEY, "Stripe restricted key (test mode)"),
            new KeyShape("whsec_", Pattern.compile("[A-Za-z0-9+/=]{16,}"), Leak.Kind.SECRET_KEY,
                    "Stripe webhook signing secret"),
            new KeyShape("AKIA", AWS_REST, Leak.Kind.SECRET_KEY, "AWS access key id"),
            new KeyShape("ASIA", AWS_REST, Leak.Kind.SECRET_KEY, "AWS access key id"),
            new KeyShape("pk_test_", ALNUM_16, Leak.Kind.TEST_KEY, "Stripe publishable test key"),
            new KeyShape("rzp_test_", Pattern.compile("[A-Za-z0-9]{10,}"), Leak.Kind.TEST_KEY, "Razorpay test key id"));

    private static final List<String> LOCAL_HOSTS = List.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]");
    private static final String LOCAL_HOST = "(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1])";
    private static final Pattern LOCAL_URL = Pattern.compile("(?i)(?<![\\w.+-])(?:https?|wss?)://" + LOCAL_HOST
            + "(:\\d{1,5})?(/[^\\s\"'`<>)\\\\]*)?");
    private static final Pattern LOCAL_BARE = Pattern.compile("(?i)[\"'`](" + LOCAL_HOST + ":\\d{2,5})(?![\\w.])");
    private static final Pattern PLAIN_HTTP =
            Pattern.compile("(?i)[\"'`](http://([a-z0-9.-]+)(?::\\d{1,5})?(/[^\\s\"'`<>]*)?)[\"'`]");
    private static final Pattern API_PATH = Pattern.compile("(?i)/(?:api|graphql|v\\d+)(?:[/?#.]|$)");

    private BundleScanner() {
    }

    /**
     * Bundles run to megabytes: every pattern is tried only where its literal part occurs, found
     * with {@link String#indexOf}, instead of at every position.
     *
     * @param text HTML or JavaScript
     * @param script whether the text is a script, where plain-HTTP API addresses are looked for too
     * @return the leaks found, each once, in order of kind
     */
    public static List<Leak> scan(String text, boolean script) {
        Set<Leak> leaks = new LinkedHashSet<>();
        for (KeyShape shape : KEYS) {
            for (int at = text.indexOf(shape.prefix()); at >= 0; at = text.indexOf(shape.prefix(), at + 1)) {
                if (at > 0 && isWordChar(text.charAt(at - 1))) {
                    continue;
                }
                int from = at + shape.prefix().length();
                Matcher m = shape.rest().matcher(text).region(from, Math.min(text.length(), from + MAX_KEY));
                String key = m.lookingAt() ? text.substring(at, m.end()) : null;
                if (key != null && !key.endsWith("EXAMPLE")) {
                    leaks.add(new Leak(shape.kind(), shape.label(), mask(key)));
                }
            }
        }
        for (String host : LOCAL_HOSTS) {
            for (int at = text.indexOf(host); at >= 0; at = text.indexOf(host, at + 1)) {
                // From far enough back for "https://", to far enough on for a path.
                Matcher local = LOCAL_URL.matcher(text).useTransparentBounds(true)
                        .region(Math.max(0, at - 8), Math.min(text.length(), at + WINDOW));
                if (local.find() && local.start() <= at) {
                    String path = local.group(2) == null ? "" : local.group(2);
                    if (local.group(1) != null || API_PATH.matcher(path).find()) {
                        leaks.add(new Leak(Leak.Kind.LOCAL_URL, "localhost URL", printable(local.group())));
                    }
                }
                Matcher bare = LOCAL_BARE.matcher(text).useTransparentBounds(true)
                        .region(Math.max(0, at - 1), Math.min(text.length(), at + 20));
                if (at > 0 && bare.lookingAt()) {
                    leaks.add(new Leak(Leak.Kind.LOCAL_URL, "localhost address", bare.group(1).toLowerCase(Locale.ROOT)));
                }
            }
        }
        if (script) {
            for (int at = indexOfIgnoreCase(text, "http://", 0); at >= 0; at = indexOfIgnoreCase(text, "http://", at + 1)) {
                if (at == 0) {
                    continue;
                }
                Matcher http = PLAIN_HTTP.matcher(text).region(at - 1, Math.min(text.length(), at + WINDOW));
                if (!http.lookingAt()) {
                    continue;
                }
                String host = http.group(2).toLowerCase(Locale.ROOT);
                String path = http.group(3) == null ? "" : http.group(3);
                boolean local = LOCAL_HOSTS.contains(host);
                if (!local && (host.startsWith("api.") || API_PATH.matcher(path).find())) {
                    leaks.add(new Leak(Leak.Kind.PLAIN_HTTP_API, "plain-HTTP API URL", printable(http.group(1))));
                }
            }
        }
        List<Leak> ordered = new ArrayList<>(leaks);
        ordered.sort((a, b) -> a.kind().compareTo(b.kind()));
        return ordered;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || c < 128 && Character.isLetterOrDigit(c);
    }

    private static int indexOfIgnoreCase(String text, String lower, int from) {
        int plain = text.indexOf(lower, from);
        int upper = text.indexOf(lower.toUpperCase(Locale.ROOT), from);
        return plain < 0 ? upper : upper < 0 ? plain : Math.min(plain, upper);
    }

    /** The key's well-known prefix and last four characters at most: {@code sk_live_…4242}, {@code AKIA…WXYZ}. */
    static String mask(String key) {
        if (key.startsWith("AKIA") || key.startsWith("ASIA")) {
            return key.substring(0, 4) + Redactor.mask(key.substring(4));
        }
        return Redactor.mask(key);
    }

    /** Without user information or query, and not too long to read. */
    static String printable(String url) {
        String s = Redactor.redactUrl(url);
        int cut = s.length();
        for (char c : new char[] {'?', '#'}) {
            int i = s.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        s = s.substring(0, cut);
        return Shorten.to(s, MAX_URL);
    }
}
