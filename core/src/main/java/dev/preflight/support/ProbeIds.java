package dev.preflight.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Probe id rules: the well-formedness check, glob matching ({@code tls.*}) and did-you-mean
 * suggestions for mistyped ids.
 *
 * <pre>{@code
 * ProbeIds.matches("tls.*", "tls.certificate");         // true
 * ProbeIds.closest("http.hts", catalog.ids());           // Optional[http.hsts]
 * }</pre>
 *
 * @since 0.1
 */
public final class ProbeIds {
    private static final Pattern WELL_FORMED = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9][a-z0-9-]*)+");

    private ProbeIds() {
    }

    /**
     * @param id a candidate id
     * @return whether it matches {@code [a-z][a-z0-9]*(\.[a-z0-9][a-z0-9-]*)+}
     */
    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }

    /**
     * Whether {@code id} matches {@code glob}, where {@code *} stands for any run of characters (dots
     * included) and everything else is literal. {@code tls.*} matches {@code tls.certificate}.
     *
     * @param glob an exact id or a pattern
     * @param id a probe id
     * @return whether it matches
     */
    public static boolean matches(String glob, String id) {
        if (!glob.contains("*")) {
            return glob.equals(id);
        }
        String regex = Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
        return id.matches(regex);
    }

    /**
     * Whether the glob matches at least one of the ids.
     *
     * @param glob an exact id or a pattern
     * @param ids known ids
     * @return true if some id matches
     */
    public static boolean matchesAny(String glob, Collection<String> ids) {
        return ids.stream().anyMatch(id -> matches(glob, id));
    }

    /**
     * The known id closest to a mistyped one, if any is close enough to be worth suggesting.
     *
     * @param input what the user wrote
     * @param candidates known ids
     * @return a suggestion
     */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String in = input.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(in, c)).thenComparing(c -> c))
                .filter(c -> distance(in, c) <= Math.max(2, in.length() / 3));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
