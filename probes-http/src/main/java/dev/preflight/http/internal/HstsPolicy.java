package dev.preflight.http.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code Strict-Transport-Security} value read the way RFC 6797 section 6.1 tells a browser to:
 * {@code directive *( ";" directive )}, each {@code name [ "=" token / quoted-string ]}, names
 * compared without case, every directive at most once, {@code max-age} required and made of digits,
 * unknown directives ignored. A value that breaks a rule is rejected whole, because a browser
 * ignores it whole (section 8.1).
 *
 * @param maxAge seconds the browser keeps the policy; values too long for a {@code long} saturate
 * @param includeSubDomains whether the policy covers subdomains
 * @param preload whether the (non-RFC) {@code preload} directive is present, without a value
 * @param ignoredDirectives directives a browser ignores, as sent
 */
public record HstsPolicy(long maxAge, boolean includeSubDomains, boolean preload, List<String> ignoredDirectives) {
    private static final int MAX_ECHO = 40;

    /** Copies the list. */
    public HstsPolicy {
        ignoredDirectives = List.copyOf(ignoredDirectives);
    }

    /**
     * @param value one header line's value
     * @return the policy it states
     * @throws MalformedHeaderException saying what breaks the grammar
     */
    public static HstsPolicy parse(String value) throws MalformedHeaderException {
        Map<String, String> directives = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        int n = value.length();
        int i = 0;
        while (true) {
            i = skipSpace(value, i);
            if (i >= n) {
                break;
            }
            if (value.charAt(i) == ';') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isTokenChar(value.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw unexpected(value, i);
            }
            String name = value.substring(start, i);
            String directiveValue = null;
            i = skipSpace(value, i);
            if (i < n && value.charAt(i) == '=') {
                i = skipSpace(value, i + 1);
                if (i < n && value.charAt(i) == '"') {
                    StringBuilder quoted = new StringBuilder();
                    i = readQuoted(value, i, name, quoted);
                    directiveValue = quoted.toString();
                } else {
                    int valueStart = i;
                    while (i < n && isTokenChar(value.charAt(i))) {
                        i++;
                    }
                    if (i == valueStart) {
                        throw i < n ? unexpected(value, i) : new MalformedHeaderException(name + "= has no value");
                    }
                    directiveValue = value.substring(valueStart, i);
                }
                i = skipSpace(value, i);
            }
            if (i < n && value.charAt(i) != ';') {
                throw unexpected(value, i);
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (directives.containsKey(key)) {
                throw new MalformedHeaderException("the directive " + key + " appears more than once");
            }
            directives.put(key, directiveValue);
            names.add(name);
        }
        return fromDirectives(value, directives, names);
    }

    private static HstsPolicy fromDirectives(String value, Map<String, String> directives, List<String> names)
            throws MalformedHeaderException {
        if (!directives.containsKey("max-age")) {
            throw new MalformedHeaderException(value.isBlank() ? "the value is empty; max-age is required"
                    : "there is no max-age directive; it is required");
        }
        String maxAge = directives.get("max-age");
        if (maxAge == null) {
            throw new MalformedHeaderException("max-age has no value");
        }
        if (maxAge.isEmpty() || !maxAge.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedHeaderException("max-age \"" + echo(maxAge) + "\" is not a whole number of seconds");
        }
        // RFC 6797 section 8.1 leaves no room for a value rejected for size: keep it, saturated.
        String digits = maxAge.replaceFirst("^0+(?=.)", "");
        long seconds = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (directives.containsKey("includesubdomains") && directives.get("includesubdomains") != null) {
            throw new MalformedHeaderException("includeSubDomains takes no value");
        }
        List<String> ignored = names.stream().filter(name -> !List.of("max-age", "includesubdomains", "preload")
                .contains(name.toLowerCase(Locale.ROOT))).toList();
        boolean preload = directives.containsKey("preload") && directives.get("preload") == null;
        return new HstsPolicy(seconds, directives.containsKey("includesubdomains"), preload, ignored);
    }

    private static int readQuoted(String value, int open, String name, StringBuilder out)
            throws MalformedHeaderException {
        int i = open + 1;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                if (i + 1 >= value.length()) {
                    break;
                }
                out.append(value.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new MalformedHeaderException("the quoted value of " + name + " holds a control character");
            }
            out.append(c);
            i++;
        }
        throw new MalformedHeaderException("the quoted value of " + name + " is not closed");
    }

    private static MalformedHeaderException unexpected(String value, int at) {
        char c = value.charAt(at);
        String shown = c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        String hint = c == ',' ? " (several Strict-Transport-Security values joined into one line?)" : "";
        return new MalformedHeaderException("unexpected " + shown + " at character " + (at + 1) + hint);
    }

    private static int skipSpace(String value, int i) {
        while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** RFC 9110 section 5.6.2 {@code tchar}. */
    static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String echo(String text) {
        return Shorten.to(text, MAX_ECHO + 1);
    }
}
