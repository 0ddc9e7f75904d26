package dev.preflight.http.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One content security policy, parsed as CSP Level 3 section 2.2.1 says a browser parses it:
 * directives split on {@code ;}, surrounding whitespace dropped, empty and non-ASCII directives
 * skipped, names lower-cased, a repeated directive ignored after its first occurrence (a browser
 * only warns), values split on whitespace. Parsing never fails: a browser enforces whatever it can
 * read, so this does too.
 *
 * @param directives directive name (lower case) to its sources, in the order sent
 * @param ignored directives a browser skips here, as sent: repeats and non-ASCII ones
 */
public record ContentSecurityPolicy(Map<String, List<String>> directives, List<String> ignored) {

    /** Copies. */
    public ContentSecurityPolicy {
        directives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(directives));
        ignored = List.copyOf(ignored);
    }

    /**
     * Every policy a response enforces: each header line may hold several policies separated by
     * commas, and a browser enforces all of them together (CSP Level 3 section 3.1).
     *
     * @param headerValues the values of every {@code Content-Security-Policy} line
     * @return the policies, in order; empty when there is no header
     */
    public static List<ContentSecurityPolicy> parseAll(List<String> headerValues) {
        List<ContentSecurityPolicy> policies = new ArrayList<>();
        for (String line : headerValues) {
            for (String serialized : line.split(",", -1)) {
                ContentSecurityPolicy policy = parse(serialized);
                if (!policy.directives.isEmpty() || !policy.ignored.isEmpty()) {
                    policies.add(policy);
                }
            }
        }
        return List.copyOf(policies);
    }

    /**
     * @param serialized one policy, e.g. {@code default-src 'self'; script-src 'self' cdn.example}
     * @return the policy
     */
    public static ContentSecurityPolicy parse(String serialized) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (String raw : serialized.split(";", -1)) {
            String token = stripAsciiWhitespace(raw);
            if (token.isEmpty()) {
                continue;
            }
            if (!token.chars().allMatch(c -> c < 0x80)) {
                ignored.add(token);
                continue;
            }
            String[] parts = token.split("[\\t\\n\\f\\r ]+");
            String name = parts[0].toLowerCase(Locale.ROOT);
            if (directives.containsKey(name)) {
                ignored.add(token);
                continue;
            }
            directives.put(name, List.of(Arrays.copyOfRange(parts, 1, parts.length)));
        }
        return new ContentSecurityPolicy(directives, ignored);
    }

    /**
     * @param name a directive name, lower case
     * @return its sources, if the policy has it
     */
    public Optional<List<String>> directive(String name) {
        return Optional.ofNullable(directives.get(name));
    }

    /**
     * @return the directive that governs scripts: {@code script-src}, else the {@code default-src}
     *     it falls back to, else empty (scripts are not restricted by this policy)
     */
    public Optional<String> scriptDirective() {
        return directives.containsKey("script-src") ? Optional.of("script-src")
                : directives.containsKey("default-src") ? Optional.of("default-src") : Optional.empty();
    }

    private static String stripAsciiWhitespace(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }
}
