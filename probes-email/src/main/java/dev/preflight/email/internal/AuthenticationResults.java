package dev.preflight.email.internal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Authentication-Results} header (RFC 8601 section 2.2): the receiving server's id, then
 * {@code method=result} statements, e.g. {@code mx.google.com; dkim=pass header.i=@shop.example;
 * spf=pass (…) smtp.mailfrom=…; dmarc=pass (p=REJECT) header.from=shop.example}.
 * Comments in parentheses (which may hold semicolons, as policyd-spf writes them) and property values
 * are skipped; only each method's results are kept, in order (a message can carry several DKIM
 * signatures). Microsoft's servers leave out the server's id and start with the first statement:
 * that reads as a header without an id. Immutable.
 */
public final class AuthenticationResults {
    /** RFC 8601 section 2.2: {@code method [ "/" version ] "=" result}, method a keyword such as {@code sender-id}. */
    private static final Pattern STATEMENT = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9_-]*)(?:\\s*/\\s*\\d+)?\\s*=\\s*"
            + "([A-Za-z][A-Za-z0-9_-]*)(?:\\s|$)");

    private final Optional<String> authservId;
    private final Map<String, List<String>> results;

    private AuthenticationResults(Optional<String> authservId, Map<String, List<String>> results) {
        this.authservId = authservId;
        this.results = results;
    }

    /**
     * @param value the header's value, folded or not
     * @return its reading
     * @throws ParseException if it does not follow RFC 8601: unbalanced comments or quotes, no server id
     *     and no statement, a statement that is not {@code method=result}
     */
    public static AuthenticationResults parse(String value) throws ParseException {
        List<String> parts = split(withoutComments(value.replaceAll("\\r?\\n[ \\t]", " ")));
        if (parts.isEmpty() || parts.get(0).isBlank()) {
            throw new ParseException("no authentication service id", 0);
        }
        Optional<String> authservId = Optional.empty();
        int first = 0;
        if (!STATEMENT.matcher(parts.get(0).strip()).find()) {
            // The id may be followed by a version number (section 2.2); it is one token or quoted string.
            String id = parts.get(0).strip().split("\\s+")[0];
            authservId = Optional.of(unquote(id).toLowerCase(Locale.ROOT));
            first = 1;
        }
        Map<String, List<String>> results = new LinkedHashMap<>();
        for (int i = first; i < parts.size(); i++) {
            String part = parts.get(i).strip();
            if (part.isEmpty() || part.equalsIgnoreCase("none")) {
                continue;
            }
            Matcher m = STATEMENT.matcher(part);
            if (!m.find()) {
                throw new ParseException("'" + shorten(part) + "' is not a method=result statement", i);
            }
            results.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(m.group(2).toLowerCase(Locale.ROOT));
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        results.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new AuthenticationResults(authservId, java.util.Collections.unmodifiableMap(frozen));
    }

    /** @return the receiving server's id, lower case, e.g. {@code mx.google.com}; empty when the header has none */
    public Optional<String> authservId() {
        return authservId;
    }

    /** @return each method's results in order, e.g. {@code dkim -> [pass, fail]}; empty for {@code none} */
    public Map<String, List<String>> results() {
        return results;
    }

    /**
     * @param method e.g. {@code spf}
     * @return its results, lower case; empty when the header does not report it
     */
    public List<String> results(String method) {
        return results.getOrDefault(method, List.of());
    }

    /**
     * @param method e.g. {@code dkim}
     * @return whether one of its results is {@code pass} (one valid signature is enough for DKIM)
     */
    public boolean passes(String method) {
        return results(method).contains("pass");
    }

    private static String withoutComments(String value) throws ParseException {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && (quoted || depth > 0) && i + 1 < value.length()) {
                if (depth == 0) {
                    out.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (depth == 0 && c == '"') {
                quoted = !quoted;
                out.append(c);
            } else if (!quoted && c == '(') {
                depth++;
                out.append(depth == 1 ? " " : "");
            } else if (!quoted && c == ')') {
                if (depth == 0) {
                    throw new ParseException("a ')' without its '('", i);
                }
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        if (depth > 0 || quoted) {
            throw new ParseException(depth > 0 ? "a comment that is never closed" : "a quoted string that is never"
                    + " closed", value.length());
        }
        return out.toString();
    }

    private static List<String> split(String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String token) {
        return token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")
                ? token.substring(1, token.length() - 1) : token;
    }

    private static String shorten(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
