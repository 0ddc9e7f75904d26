package dev.preflight.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
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
    private static final String OWN_PACKAGE = "dev.preflight";

    /**
     * The id areas of Preflight's own modules. Only probe classes in {@code dev.preflight} or its
     * subpackages may use them; discovery refuses any other probe that does, and so does a run it is
     * added to in code.
     *
     * @since 0.2
     */
    public static final Set<String> RESERVED_AREAS =
            Set.of("env", "tls", "http", "dns", "postgres", "redis", "smtp", "stripe", "razorpay", "net", "storage",
                    "preflight");

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
     * @param id a probe id
     * @return its area, the part before the first dot ({@code http} for {@code http.hsts}); the whole id if it has no dot
     * @since 0.2
     */
    public static String area(String id) {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }

    /**
     * Whether a probe of this class takes an id in a {@linkplain #RESERVED_AREAS reserved area}
     * without being one of Preflight's own.
     *
     * @param probeClass the probe's class
     * @param id its id
     * @return true if the id's area is reserved and the class is outside {@code dev.preflight}
     * @since 0.2
     */
    public static boolean trespasses(Class<?> probeClass, String id) {
        String pkg = probeClass.getPackageName();
        boolean own = pkg.equals(OWN_PACKAGE) || pkg.startsWith(OWN_PACKAGE + ".");
        return id != null && !own && RESERVED_AREAS.contains(area(id));
    }

    /**
     * @param probeClass a probe class that {@linkplain #trespasses trespasses}
     * @param id its id
     * @return a sentence saying so and how to fix it, e.g. suggesting {@code acme.hsts}
     * @since 0.2
     */
    public static String trespassMessage(Class<?> probeClass, String id) {
        String area = area(id);
        String check = id.substring(Math.min(id.length(), area.length() + 1));
        return "id '" + id + "' of " + probeClass.getName() + " is in the area '" + area + "', which Preflight"
                + " reserves for its own probes (" + RESERVED_AREAS.stream().sorted().collect(Collectors.joining(", "))
                + "); use an area of your own, e.g. 'acme." + check + "'";
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
