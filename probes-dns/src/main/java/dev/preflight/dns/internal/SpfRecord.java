package dev.preflight.dns.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SPF record parsed against the ABNF of RFC 7208 (4.6, 5, 6, 7.1 and 12): its terms, each with its
 * place, and every way it breaks the grammar. Parsing never throws: whatever the text, the problems
 * say what is wrong, each naming the term and its position. Immutable.
 */
public final class SpfRecord {
    private static final Pattern MODIFIER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern IP4 = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern CIDR = Pattern.compile("0|[1-9][0-9]{0,2}");
    /** A domain-spec followed by an optional dual-cidr-length, as a and mx take (RFC 7208 5.3, 5.4). */
    private static final Pattern DUAL_CIDR = Pattern.compile("(.*?)(?:/([0-9]+))?(?://([0-9]+))?");
    /** The dual-cidr-length alone, as it follows a, mx or their domain-spec. */
    private static final Pattern CIDR_LENGTHS = Pattern.compile("(?:/([0-9]+))?(?://([0-9]+))?");
    private static final String MACRO_LETTERS = "slodiphcrtv";
    private static final String DELIMITERS = ".-+,/_=";

    private final String text;
    private final List<SpfTerm> terms;
    private final List<String> problems;

    private SpfRecord(String text, List<SpfTerm> terms, List<String> problems) {
        this.text = text;
        this.terms = List.copyOf(terms);
        this.problems = List.copyOf(problems);
    }

    /**
     * @param text a TXT record's text, its strings joined
     * @return whether it is an SPF record: {@code v=spf1}, in any case, then a space or the end (RFC 7208 4.5)
     */
    public static boolean isSpf(String text) {
        return text != null && text.length() >= 6 && text.substring(0, 6).equalsIgnoreCase("v=spf1")
                && (text.length() == 6 || text.charAt(6) == ' ');
    }

    /**
     * @param text an SPF record's text
     * @return the record, with a problem for each way it breaks the grammar; never throws
     */
    public static SpfRecord parse(String text) {
        List<SpfTerm> terms = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (text == null || !isSpf(text)) {
            problems.add("the record does not start with 'v=spf1' followed by a space");
            return new SpfRecord(text == null ? "" : text, terms, problems);
        }
        int position = 0;
        int i = 6;
        while (i < text.length()) {
            if (text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int end = text.indexOf(' ', i);
            end = end < 0 ? text.length() : end;
            position++;
            String token = text.substring(i, end);
            Parsed parsed = term(token, position, i + 1);
            if (parsed.term != null) {
                terms.add(parsed.term);
            }
            String where = "term " + position + " '" + token + "' (character " + (i + 1) + ")";
            parsed.problems.forEach(p -> problems.add(where + ": " + p));
            i = end;
        }
        long redirects = terms.stream().filter(t -> t.modifier() && t.name().equals("redirect")).count();
        long exps = terms.stream().filter(t -> t.modifier() && t.name().equals("exp")).count();
        if (redirects > 1) {
            problems.add("redirect appears " + redirects + " times; RFC 7208 6 allows it once");
        }
        if (exps > 1) {
            problems.add("exp appears " + exps + " times; RFC 7208 6 allows it once");
        }
        return new SpfRecord(text, terms, problems);
    }

    /** @return the record as published */
    public String text() {
        return text;
    }

    /** @return the terms that parsed, in order */
    public List<SpfTerm> terms() {
        return terms;
    }

    /** @return every way the record breaks the grammar, each naming the term and its position; empty when none */
    public List<String> problems() {
        return problems;
    }

    /** @return the first {@code all} mechanism, if any */
    public Optional<SpfTerm> all() {
        return terms.stream().filter(t -> !t.modifier() && t.name().equals("all")).findFirst();
    }

    /** @return the first {@code redirect} modifier, if any */
    public Optional<SpfTerm> redirect() {
        return terms.stream().filter(t -> t.modifier() && t.name().equals("redirect")).findFirst();
    }

    private static final class Parsed {
        private SpfTerm term;
        private final List<String> problems = new ArrayList<>();
    }

    private static Parsed term(String token, int position, int offset) {
        Parsed parsed = new Parsed();
        for (int k = 0; k < token.length(); k++) {
            char c = token.charAt(k);
            if (c < 0x21 || c > 0x7e) {
                parsed.problems.add("holds a character SPF does not allow (U+" + String.format("%04X", (int) c)
                        + "); only visible ASCII is allowed");
                return parsed;
            }
        }
        int eq = token.indexOf('=');
        int colon = token.indexOf(':');
        int slash = token.indexOf('/');
        if (eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash)
                && MODIFIER_NAME.matcher(token.substring(0, eq)).matches()) {
            return modifier(parsed, token, token.substring(0, eq).toLowerCase(Locale.ROOT), token.substring(eq + 1),
                    position, offset);
        }
        char qualifier = '+';
        String rest = token;
        if ("+-~?".indexOf(token.charAt(0)) >= 0) {
            qualifier = token.charAt(0);
            rest = token.substring(1);
        }
        int nameEnd = rest.length();
        for (int k = 0; k < rest.length(); k++) {
            if (rest.charAt(k) == ':' || rest.charAt(k) == '/') {
                nameEnd = k;
                break;
            }
        }
        String name = rest.substring(0, nameEnd).toLowerCase(Locale.ROOT);
        String after = rest.substring(nameEnd);
        String spec = null;
        int[] cidr = {-1, -1};
        switch (name) {
            case "all" -> {
                if (!after.isEmpty()) {
                    parsed.problems.add("'all' takes no argument");
                }
            }
            case "include", "exists" -> {
                if (!after.startsWith(":")) {
                    parsed.problems.add("'" + name + "' needs ':' and a domain");
                } else {
                    spec = after.substring(1);
                    domainSpec(spec).ifPresent(parsed.problems::add);
                }
            }
            case "a", "mx" -> {
                String cidrs = after;
                if (after.startsWith(":")) {
                    Matcher m = DUAL_CIDR.matcher(after.substring(1));
                    m.matches();
                    spec = m.group(1);
                    cidrs = after.substring(1 + spec.length());
                    domainSpec(spec).ifPresent(parsed.problems::add);
                }
                dualCidr(cidrs, cidr).ifPresent(parsed.problems::add);
            }
            case "ptr" -> {
                if (after.startsWith("/")) {
                    parsed.problems.add("'ptr' takes no CIDR length");
                } else if (after.startsWith(":")) {
                    spec = after.substring(1);
                    domainSpec(spec).ifPresent(parsed.problems::add);
                }
            }
            case "ip4", "ip6" -> {
                if (!after.startsWith(":")) {
                    parsed.problems.add("'" + name + "' needs ':' and an address");
                } else {
                    ipNetwork(name, after.substring(1), cidr).ifPresent(parsed.problems::add);
                }
            }
            default -> {
                parsed.problems.add(name.isEmpty() ? "no mechanism after the qualifier"
                        : "unknown mechanism '" + name + "'");
                return parsed;
            }
        }
        if (parsed.problems.isEmpty()) {
            parsed.term = new SpfTerm(position, offset, token, false, qualifier, name, spec,
                    spec != null && spec.indexOf('%') >= 0, cidr[0], cidr[1]);
        }
        return parsed;
    }

    private static Parsed modifier(Parsed parsed, String token, String name, String value, int position, int offset) {
        switch (name) {
            case "redirect" -> domainSpec(value).ifPresent(parsed.problems::add);
            // c, r and t belong to the explanation text exp= points at, not to its domain-spec (RFC 7208 7.1).
            case "exp" -> domainSpec(value).ifPresent(parsed.problems::add);
            default -> macroString(value, true).ifPresent(parsed.problems::add);
        }
        if (parsed.problems.isEmpty()) {
            parsed.term = new SpfTerm(position, offset, token, true, (char) 0, name, value, value.indexOf('%') >= 0,
                    -1, -1);
        }
        return parsed;
    }

    private static Optional<String> dualCidr(String cidrs, int[] cidr) {
        if (cidrs.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = CIDR_LENGTHS.matcher(cidrs);
        if (!m.matches()) {
            return Optional.of("bad CIDR length '" + cidrs + "' (write /0-32 for IPv4, //0-128 for IPv6)");
        }
        Optional<String> v4 = m.group(1) == null ? Optional.empty() : cidr(m.group(1), 32);
        Optional<String> v6 = v4.isPresent() || m.group(2) == null ? v4 : cidr(m.group(2), 128);
        if (v6.isEmpty()) {
            cidr[0] = m.group(1) == null ? -1 : Integer.parseInt(m.group(1));
            cidr[1] = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        }
        return v6;
    }

    private static Optional<String> cidr(String digits, int max) {
        if (!CIDR.matcher(digits).matches() || Integer.parseInt(digits) > max) {
            return Optional.of("bad CIDR length /" + digits + " (must be 0 to " + max + ", without leading zeros)");
        }
        return Optional.empty();
    }

    private static Optional<String> ipNetwork(String name, String arg, int[] cidr) {
        int slash = arg.indexOf('/');
        String address = slash < 0 ? arg : arg.substring(0, slash);
        boolean v4 = name.equals("ip4");
        if (v4 ? !IP4.matcher(address).matches() : !ipv6(address)) {
            return Optional.of("'" + address + "' is not an " + (v4 ? "IPv4" : "IPv6") + " address");
        }
        if (slash < 0) {
            return Optional.empty();
        }
        Optional<String> bad = cidr(arg.substring(slash + 1), v4 ? 32 : 128);
        if (bad.isEmpty()) {
            cidr[v4 ? 0 : 1] = Integer.parseInt(arg.substring(slash + 1));
        }
        return bad;
    }

    static boolean ipv6(String s) {
        if (s.isEmpty() || s.indexOf(':') < 0) {
            return false;
        }
        String head = s;
        int max = 8;
        int lastColon = s.lastIndexOf(':');
        String tail = s.substring(lastColon + 1);
        if (tail.indexOf('.') >= 0) {
            if (!IP4.matcher(tail).matches()) {
                return false;
            }
            head = s.substring(0, lastColon + 1);
            max = 6;
            if (!head.endsWith("::")) {
                head = head.substring(0, head.length() - 1);
            }
        }
        int dbl = head.indexOf("::");
        if (dbl >= 0 && dbl != head.lastIndexOf("::")) {
            return false;
        }
        if (dbl < 0) {
            return groups(head) == max;
        }
        int left = groups(head.substring(0, dbl));
        int right = groups(head.substring(dbl + 2));
        return left >= 0 && right >= 0 && left + right < max;
    }

    /** @return how many 1-4 digit hex groups, colon-separated, the text is (0 for empty), or -1 if it is not */
    private static int groups(String s) {
        if (s.isEmpty()) {
            return 0;
        }
        String[] parts = s.split(":", -1);
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return -1;
            }
        }
        return parts.length;
    }

    /**
     * @param spec a domain-spec (RFC 7208 7.1): a macro-string ending in a top label or a macro
     * @return what is wrong with it, if anything; c, r and t are explanation text's alone (RFC 7208 7.1)
     */
    static Optional<String> domainSpec(String spec) {
        if (spec.isEmpty()) {
            return Optional.of("no domain after the ':' or '='");
        }
        Optional<String> macros = macroString(spec, false);
        if (macros.isPresent()) {
            return macros;
        }
        if (endsWithMacro(spec)) {
            return Optional.empty();
        }
        String end = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
        int k = end.length();
        while (k > 0 && (Character.isLetterOrDigit(end.charAt(k - 1)) || end.charAt(k - 1) == '-')
                && end.charAt(k - 1) < 0x80) {
            k--;
        }
        String top = end.substring(k);
        if (k == 0 || end.charAt(k - 1) != '.' || !topLabel(top)) {
            return Optional.of("'" + spec + "' does not end in a valid top-level label (RFC 7208 7.1 domain-end)");
        }
        return Optional.empty();
    }

    private static boolean topLabel(String label) {
        if (label.isEmpty()) {
            return false;
        }
        boolean alpha = label.chars().anyMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
        if (label.indexOf('-') < 0) {
            return alpha;
        }
        return label.charAt(0) != '-' && label.charAt(label.length() - 1) != '-';
    }

    private static boolean endsWithMacro(String spec) {
        if (spec.endsWith("}")) {
            int open = spec.lastIndexOf("%{");
            return open >= 0 && spec.indexOf('}', open) == spec.length() - 1;
        }
        if (spec.length() >= 2 && spec.charAt(spec.length() - 2) == '%') {
            // %% %_ %- : make sure the '%' is not itself the second half of a '%%'
            int run = 0;
            for (int k = spec.length() - 2; k >= 0 && spec.charAt(k) == '%'; k--) {
                run++;
            }
            return run % 2 == 1;
        }
        return false;
    }

    /**
     * @param s a macro-string (RFC 7208 7.1)
     * @param expOnlyLetters whether c, r and t may be used
     * @return what is wrong with it, if anything
     */
    static Optional<String> macroString(String s, boolean expOnlyLetters) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return Optional.of("holds a character SPF does not allow");
            }
            if (c != '%') {
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                return Optional.of("a lone '%' at the end (write %% for a percent sign)");
            }
            char n = s.charAt(i + 1);
            if (n == '%' || n == '_' || n == '-') {
                i += 2;
                continue;
            }
            if (n != '{') {
                return Optional.of("bad macro '%" + n + "' (only %{...}, %%, %_ and %- exist)");
            }
            int close = s.indexOf('}', i + 2);
            if (close < 0) {
                return Optional.of("macro '" + s.substring(i) + "' is never closed with '}'");
            }
            String macro = s.substring(i, close + 1);
            Optional<String> bad = macroBody(s.substring(i + 2, close), expOnlyLetters);
            if (bad.isPresent()) {
                return Optional.of("bad macro " + macro + ": " + bad.get());
            }
            i = close + 1;
        }
        return Optional.empty();
    }

    private static Optional<String> macroBody(String body, boolean expOnlyLetters) {
        if (body.isEmpty()) {
            return Optional.of("no macro letter");
        }
        char letter = Character.toLowerCase(body.charAt(0));
        if (MACRO_LETTERS.indexOf(letter) < 0) {
            return Optional.of("unknown macro letter '" + body.charAt(0) + "'");
        }
        if ("crt".indexOf(letter) >= 0 && !expOnlyLetters) {
            return Optional.of("'" + letter + "' may only be used in explanation text (RFC 7208 7.1)");
        }
        int k = 1;
        int digitsStart = k;
        while (k < body.length() && body.charAt(k) >= '0' && body.charAt(k) <= '9') {
            k++;
        }
        String digits = body.substring(digitsStart, k);
        if (!digits.isEmpty() && digits.chars().allMatch(c -> c == '0')) {
            return Optional.of("the number of labels must not be zero (RFC 7208 7.3)");
        }
        if (k < body.length() && (body.charAt(k) == 'r' || body.charAt(k) == 'R')) {
            k++;
        }
        while (k < body.length()) {
            if (DELIMITERS.indexOf(body.charAt(k)) < 0) {
                return Optional.of("'" + body.charAt(k) + "' is neither a transformer nor a delimiter");
            }
            k++;
        }
        return Optional.empty();
    }
}
