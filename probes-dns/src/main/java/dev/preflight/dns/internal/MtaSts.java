package dev.preflight.dns.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MTA-STS (RFC 8461): the {@code _mta-sts} TXT record (3.1) and the policy file (3.2), and whether a
 * policy's {@code mx} patterns cover a host (4.1). Never throws: malformed input becomes FAIL
 * problems.
 */
public final class MtaSts {
    /** RFC 8461 3.2: max_age is at most 31557600 seconds. */
    public static final long MAX_AGE_LIMIT = 31_557_600L;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");

    private MtaSts() {
    }

    /**
     * The TXT record.
     *
     * @param text the record's text
     * @param id the policy id, or null when the record has any problem
     * @param problems what is wrong, empty when valid
     */
    public record TxtRecord(String text, String id, List<Problem> problems) {
    }

    /**
     * The policy file.
     *
     * @param version the version field, or null
     * @param mode enforce, testing or none, or null when missing or invalid
     * @param maxAge max_age in seconds, or -1 when missing or invalid
     * @param mx the mx patterns, lower case, in order
     * @param problems what is wrong, empty when valid
     */
    public record Policy(String version, String mode, long maxAge, List<String> mx, List<Problem> problems) {
    }

    /** @param text a TXT record's text, possibly null @return whether senders take it as an MTA-STS record */
    public static boolean isStsRecord(String text) {
        return text != null && (text.equals("v=STSv1") || text.startsWith("v=STSv1;"));
    }

    /** @param text a TXT record's text, possibly null @return whether it resembles one, mistyped */
    public static boolean looksLikeStsRecord(String text) {
        return text != null && !isStsRecord(text)
                && text.strip().toLowerCase(Locale.ROOT).replace(" ", "").startsWith("v=stsv1");
    }

    /**
     * @param text the TXT record's text, possibly null
     * @return the record and its problems
     */
    public static TxtRecord parseRecord(String text) {
        List<Problem> problems = new ArrayList<>();
        String fix = "Publish 'v=STSv1; id=20240101T000000;' at _mta-sts.YOUR-DOMAIN, with an id of 1 to 32 letters"
                + " and digits that you change whenever the policy changes (RFC 8461 3.1).";
        if (!isStsRecord(text)) {
            problems.add(Problem.fail("the record does not start with exactly 'v=STSv1;'", fix));
            return new TxtRecord(text == null ? "" : text, null, problems);
        }
        TagList tags = TagList.parse(text, true);
        tags.syntaxErrors().forEach(e -> problems.add(Problem.fail("syntax error: " + e, fix)));
        tags.duplicates().forEach(d -> problems.add(Problem.fail("tag " + d + "= appears more than once", fix)));
        String id = tags.get("id");
        if (id == null) {
            problems.add(Problem.fail("no id=: senders cannot tell when the policy changes", fix));
            id = null;
        } else if (!ID.matcher(id).matches()) {
            problems.add(Problem.fail("id=" + TagList.shorten(id) + " is not 1 to 32 letters and digits", fix));
            id = null;
        }
        return new TxtRecord(text, problems.isEmpty() ? id : null, problems);
    }

    /**
     * @param body the policy file's text, possibly null
     * @return the policy and its problems
     */
    public static Policy parsePolicy(String body) {
        List<Problem> problems = new ArrayList<>();
        String fix = "Serve lines 'version: STSv1', 'mode: enforce', one 'mx: HOST-PATTERN' per MX host and"
                + " 'max_age: 604800' or more (RFC 8461 3.2).";
        String version = null;
        String mode = null;
        String maxAgeText = null;
        List<String> mx = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        if (body == null) {
            body = "";
        }
        for (String raw : body.split("\r?\n", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                problems.add(Problem.fail("policy line '" + TagList.shorten(line) + "' is not 'key: value'", fix));
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!key.equals("mx") && seen.contains(key) && List.of("version", "mode", "max_age").contains(key)) {
                problems.add(Problem.fail("policy field " + key + " appears more than once", fix));
                continue;
            }
            seen.add(key);
            switch (key) {
                case "version" -> version = value;
                case "mode" -> mode = value;
                case "max_age" -> maxAgeText = value;
                case "mx" -> {
                    String why = patternProblem(value);
                    if (why == null) {
                        mx.add(normalise(value));
                    } else {
                        problems.add(Problem.fail("policy mx '" + TagList.shorten(value) + "' " + why, fix));
                    }
                }
                default -> {
                    // Unknown fields are ignored (RFC 8461 3.2).
                }
            }
        }
        if (version == null) {
            problems.add(Problem.fail("the policy has no 'version: STSv1' line", fix));
        } else if (!version.equals("STSv1")) {
            problems.add(Problem.fail("policy version '" + TagList.shorten(version) + "' is not STSv1", fix));
            version = null;
        }
        if (mode == null) {
            problems.add(Problem.fail("the policy has no 'mode:' line", fix));
        } else if (!List.of("enforce", "testing", "none").contains(mode)) {
            problems.add(Problem.fail("policy mode '" + TagList.shorten(mode) + "' is not enforce, testing or none",
                    fix));
            mode = null;
        }
        long maxAge = -1;
        if (maxAgeText == null) {
            problems.add(Problem.fail("the policy has no 'max_age:' line", fix));
        } else if (!DIGITS.matcher(maxAgeText).matches() || Long.parseLong(maxAgeText) > MAX_AGE_LIMIT) {
            problems.add(Problem.fail("policy max_age '" + TagList.shorten(maxAgeText) + "' is not a number of seconds"
                    + " from 0 to " + MAX_AGE_LIMIT, fix));
        } else {
            maxAge = Long.parseLong(maxAgeText);
        }
        if (mx.isEmpty() && !"none".equals(mode)) {
            problems.add(Problem.fail("the policy has no valid 'mx:' line", fix));
        }
        return new Policy(version, mode, maxAge, mx, problems);
    }

    /** @return null if the mx pattern is a host name, optionally with {@code *.} as its left-most label */
    static String patternProblem(String pattern) {
        if (pattern.isEmpty()) {
            return "is empty";
        }
        String name = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        if (name.startsWith("*.")) {
            name = name.substring(2);
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return "is not a host name with a domain";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "is not a host name ('*.' is allowed only as the left-most label)";
            }
        }
        return null;
    }

    private static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /**
     * RFC 8461 4.1: a pattern matches the host itself, or with {@code *.} exactly one left-most label.
     *
     * @param patterns the policy's mx patterns
     * @param host an MX host
     * @return the first pattern that covers it
     */
    public static Optional<String> covering(List<String> patterns, String host) {
        String h = normalise(host);
        for (String p : patterns) {
            String pattern = normalise(p);
            if (pattern.startsWith("*.")) {
                int dot = h.indexOf('.');
                if (dot > 0 && h.substring(dot + 1).equals(pattern.substring(2))) {
                    return Optional.of(p);
                }
            } else if (h.equals(pattern)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
