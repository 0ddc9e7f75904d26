package dev.preflight.http.internal;

import dev.preflight.probe.Status;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Judges what a site answered to requests carrying an {@link UntrustedOrigin}: whether its
 * {@code Access-Control-Allow-Origin} and {@code Access-Control-Allow-Credentials} let that origin
 * read the response, and whether an origin it names is one of the production origins. Browsers take
 * {@code Access-Control-Allow-Credentials} only when it is exactly {@code true}, and one origin, an
 * exact match of the {@code Origin} sent, or {@code *} (Fetch standard, CORS check); this judge
 * follows them. Immutable and thread-safe.
 *
 * <p>Verdicts: {@code *} with credentials, a reflected untrusted origin (worse with credentials:
 * the summary says so), an allowed {@code null}, and, when production origins are configured, any
 * other origin named → FAIL. {@code *} without credentials → a PASS note for a public API, or WARN
 * when production origins are configured. A plain-HTTP origin named while no list is configured,
 * several values, and a value that is no origin (such as {@code https://*.example.com}) → WARN.
 */
public final class OriginJudge {
    private static final String EXACT_LIST_HOW = "Send Access-Control-Allow-Origin only when the request's Origin is in an"
            + " exact list of production origins, with Vary: Origin (Express: cors({ origin: ['https://shop.example.com']"
            + " }); Spring: allowedOrigins, never allowedOriginPatterns(\"*\") with allowCredentials(true); Django:"
            + " CORS_ALLOWED_ORIGINS, not CORS_ALLOW_ALL_ORIGINS; nginx: a map $http_origin with exact entries).";
    private static final String ANCHOR_HOW = "Compare the Origin with an exact list, or anchor and escape the pattern,"
            + " e.g. ^https://(www\\.)?shop\\.example\\.com$: an unanchored or unescaped pattern lets look-alike hosts"
            + " in.";

    private final String siteOrigin;
    private final Set<String> trusted;

    /**
     * One request's answer, as far as CORS goes.
     *
     * @param method how it was asked, e.g. {@code GET} or {@code preflight}
     * @param allowOrigin every {@code Access-Control-Allow-Origin} line
     * @param allowCredentials every {@code Access-Control-Allow-Credentials} line
     */
    public record Answer(String method, List<String> allowOrigin, List<String> allowCredentials) {
        /** Copies the lists. */
        public Answer {
            allowOrigin = List.copyOf(allowOrigin);
            allowCredentials = List.copyOf(allowCredentials);
        }

        /** @return whether the answer lets a browser send and read credentials */
        public boolean credentials() {
            return allowCredentials.size() == 1 && allowCredentials.get(0).strip().equals("true");
        }
    }

    /**
     * @param siteOrigin the site's own origin, e.g. {@code https://shop.example.com}
     * @param trusted the production origins; empty when the user configured none
     * @throws IllegalArgumentException if a trusted entry is not an origin
     */
    public OriginJudge(String siteOrigin, List<String> trusted) {
        this.siteOrigin = normalise(siteOrigin).orElseThrow(() -> new IllegalArgumentException(siteOrigin));
        List<String> list = new ArrayList<>();
        for (String t : trusted) {
            list.add(normalise(t).orElseThrow(() -> new IllegalArgumentException("'" + t + "' is not an origin"
                    + " (scheme://host[:port])")));
        }
        this.trusted = Set.copyOf(list);
    }

    /**
     * @param where the path asked, for the summaries
     * @param answers each untrusted origin sent, with the answers to it
     * @return what is wrong; PASS findings are notes
     */
    public List<Finding> judge(String where, Map<UntrustedOrigin, List<Answer>> answers) {
        boolean anyReflected = answers.entrySet().stream().anyMatch(e -> e.getKey().kind() == UntrustedOrigin.Kind.ARBITRARY
                && e.getValue().stream().anyMatch(a -> reflects(a, e.getKey())));
        List<Finding> findings = new ArrayList<>();
        answers.forEach((sent, list) -> {
            // Echoing every origin explains null and the near-misses too: one finding, not four.
            if (!anyReflected || sent.kind() == UntrustedOrigin.Kind.ARBITRARY) {
                findings.addAll(judge(where, sent, list));
            }
        });
        return findings;
    }

    /**
     * @param where the path asked, for the summaries
     * @param sent the untrusted origin sent
     * @param answers the answers to it
     * @return what is wrong; PASS findings are notes
     */
    public List<Finding> judge(String where, UntrustedOrigin sent, List<Answer> answers) {
        Map<String, Finding> findings = new LinkedHashMap<>();
        List<String> reflecting = new ArrayList<>();
        boolean reflectedWithCredentials = false;
        for (Answer answer : answers) {
            List<String> values = answer.allowOrigin().stream().map(String::strip).toList();
            if (values.isEmpty()) {
                continue;
            }
            if (values.size() > 1 || values.get(0).contains(",")) {
                add(findings, Status.WARN, where + " sends several Access-Control-Allow-Origin values, which browsers"
                        + " reject", "Send one origin in Access-Control-Allow-Origin: pick the request's Origin from your"
                        + " list rather than listing them all.");
                continue;
            }
            String value = values.get(0);
            if (reflects(answer, sent)) {
                reflecting.add(answer.method());
                reflectedWithCredentials |= answer.credentials();
            } else if (value.equals("*")) {
                star(findings, where, answer.credentials());
            } else if (value.equals("null")) {
                // A fixed "null" matters only to Origin: null, which is sent and judged on its own.
                continue;
            } else {
                named(findings, where, value);
            }
        }
        if (!reflecting.isEmpty()) {
            add(findings, Status.FAIL, where + " " + reflection(sent) + " in answers to " + String.join(" and ", reflecting)
                    + credentials(reflectedWithCredentials), remedy(sent));
        }
        return List.copyOf(findings.values());
    }

    private static boolean reflects(Answer answer, UntrustedOrigin sent) {
        return answer.allowOrigin().size() == 1 && answer.allowOrigin().get(0).strip().equals(sent.origin());
    }

    private static String reflection(UntrustedOrigin sent) {
        return switch (sent.kind()) {
            case ARBITRARY -> "echoes any Origin back (sent " + sent.origin() + ")";
            case NULL -> "allows the origin null";
            case PREFIX -> "trusts " + sent.origin() + ": its origin check accepts hosts that merely start with the"
                    + " site's name";
            case SUFFIX -> "trusts " + sent.origin() + ": its origin check accepts hosts that merely end with the"
                    + " site's name";
        };
    }

    private static String remedy(UntrustedOrigin sent) {
        return switch (sent.kind()) {
            case ARBITRARY -> EXACT_LIST_HOW;
            case NULL -> "Remove null from the allowed origins: sandboxed iframes, data: URLs and local files send Origin:"
                    + " null, so any attacker can.";
            case PREFIX, SUFFIX -> ANCHOR_HOW;
        };
    }

    private static String credentials(boolean credentials) {
        return credentials ? ", with credentials: any web site can read what the signed-in user sees"
                : ", without credentials";
    }

    private void star(Map<String, Finding> findings, String where, boolean credentials) {
        if (credentials) {
            add(findings, Status.FAIL, where + " allows any origin (*) with Access-Control-Allow-Credentials: true",
                    "Drop Access-Control-Allow-Credentials or replace * with an exact list: browsers refuse the pair, and"
                            + " making it work by echoing the Origin opens the API to every site.");
        } else if (!trusted.isEmpty()) {
            add(findings, Status.WARN, where + " allows any origin (*), not only the production origins",
                    "Send Access-Control-Allow-Origin only for the origins in http.cors.allowed-origins.");
        } else {
            add(findings, Status.PASS, where + " allows any origin (*) without credentials: fine for a public API;"
                    + " set http.cors.allowed-origins to hold it to a list", null);
        }
    }

    private void named(Map<String, Finding> findings, String where, String value) {
        // Browsers compare the value byte for byte with the serialised origin, which has no trailing slash.
        Optional<String> origin = value.endsWith("/") ? Optional.empty() : normalise(value);
        if (origin.isEmpty()) {
            add(findings, Status.WARN, where + " sends Access-Control-Allow-Origin: " + shorten(value) + ", which is not an"
                    + " origin, so browsers refuse every cross-origin read", "Send one exact origin"
                    + " (scheme://host[:port]), * or nothing: patterns such as https://*.example.com do not work.");
        } else if (origin.get().equals(siteOrigin) || trusted.contains(origin.get())) {
            return;
        } else if (!trusted.isEmpty()) {
            add(findings, Status.FAIL, where + " allows " + shorten(value) + ", which is not among the production origins",
                    "Remove " + shorten(value) + " from the allowed origins, or add it to http.cors.allowed-origins if it"
                            + " is yours.");
        } else if (origin.get().startsWith("http://")) {
            add(findings, Status.WARN, where + " allows the plain-HTTP origin " + shorten(value) + ", whose pages anyone"
                    + " on the network path can rewrite", "Allow only https:// production origins; drop development"
                    + " origins such as http://localhost:3000 from the production configuration.");
        }
    }

    private static void add(Map<String, Finding> findings, Status status, String summary, String remediation) {
        findings.putIfAbsent(summary, new Finding(status, summary, remediation));
    }

    /**
     * @param text an origin as configured or sent
     * @return it lower case without a default port or trailing slash, or empty if it is not an origin
     */
    static Optional<String> normalise(String text) {
        String t = text.strip();
        if (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.contains("*")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(t);
            if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort = port < 0 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
            return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String shorten(String text) {
        return Shorten.to(text, 80);
    }
}
