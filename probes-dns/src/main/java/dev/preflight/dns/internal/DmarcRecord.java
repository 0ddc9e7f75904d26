package dev.preflight.dns.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DMARC policy record (RFC 7489 6.3, 6.4), read leniently in tag-name case and strictly in syntax.
 * {@link #parse} never throws: whatever is malformed becomes a {@link Problem}.
 */
public final class DmarcRecord {
    /** RFC 7489 6.4: the version is "v" *WSP "=" *WSP %x44.4d.41.52.43.31, case-sensitive, first. */
    private static final Pattern VERSION = Pattern.compile("^[ \\t]*[vV][ \\t]*=[ \\t]*DMARC1[ \\t]*(;.*)?$",
            Pattern.DOTALL);
    private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");
    private static final Pattern FAILURE_OPTIONS = Pattern.compile("[ \\t]*[01ds][ \\t]*(:[ \\t]*[01ds][ \\t]*)*");
    private static final Pattern REPORT_INTERVAL = Pattern.compile("[0-9]{1,10}");
    private static final Pattern PERCENT = Pattern.compile("[0-9]{1,3}");
    private static final Pattern SIZE_LIMIT = Pattern.compile("![0-9]+[kmgtKMGT]?$");
    private static final Pattern MAILBOX = Pattern.compile("[^@\\s]+@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)\\.?");

    private final String text;
    private final TagList tags;
    private final List<Problem> problems = new ArrayList<>();
    private String policy;
    private String subdomainPolicy;
    private int pct = 100;
    private final List<String> rua = new ArrayList<>();
    private final List<String> ruf = new ArrayList<>();

    private DmarcRecord(String text) {
        this.text = text == null ? "" : text;
        this.tags = TagList.parse(this.text, false);
    }

    /**
     * @param text a TXT record's text
     * @return whether it is a DMARC record: starts with {@code v=DMARC1} (RFC 7489 6.6.3 discards the rest)
     */
    public static boolean isDmarc(String text) {
        return text != null && VERSION.matcher(text).matches();
    }

    /** @param text a TXT record's text, joined from its strings @return the record, with its problems */
    public static DmarcRecord parse(String text) {
        DmarcRecord r = new DmarcRecord(text);
        try {
            r.read();
        } catch (RuntimeException e) {
            r.problems.add(Problem.fail("the record could not be read: " + e,
                    "Rewrite the record as 'v=DMARC1; p=reject; rua=mailto:reports@<your domain>'."));
        }
        return r;
    }

    private void read() {
        if (!isDmarc(text)) {
            problems.add(Problem.fail("the record does not start with v=DMARC1: '" + TagList.shorten(text) + "'",
                    "Start the record with exactly 'v=DMARC1;' (upper case, RFC 7489 6.4)."));
            return;
        }
        for (String error : tags.syntaxErrors()) {
            problems.add(Problem.fail(error, "Write each tag as name=value, separated by ';' (RFC 7489 6.4)."));
        }
        for (String twice : tags.duplicates()) {
            problems.add(Problem.fail("tag " + twice + "= appears more than once",
                    "Keep one " + twice + "= tag; receivers may read either."));
        }
        readPolicies();
        readPct();
        for (String tag : List.of("adkim", "aspf")) {
            String v = tags.get(tag);
            if (v != null && !v.equalsIgnoreCase("r") && !v.equalsIgnoreCase("s")) {
                problems.add(Problem.fail(tag + "=" + v + " is not r or s",
                        "Set " + tag + "=r (relaxed, the default) or " + tag + "=s (strict), or remove it."));
            }
        }
        readUris("rua", rua);
        readUris("ruf", ruf);
        if (tags.get("rua") == null) {
            problems.add(Problem.warn("no rua= tag: no aggregate reports",
                    "Add rua=mailto:dmarc-reports@<your domain> (or your DMARC report service's address) to"
                            + " learn who sends mail as the domain before and after enforcing."));
        }
        String fo = tags.get("fo");
        if (fo != null && !FAILURE_OPTIONS.matcher(fo).matches()) {
            problems.add(Problem.fail("fo=" + fo + " is not a ':'-separated list of 0, 1, d, s",
                    "Set fo=1 (report any failure), fo=0 (the default), or remove it."));
        }
        String ri = tags.get("ri");
        if (ri != null && !REPORT_INTERVAL.matcher(ri).matches()) {
            problems.add(Problem.fail("ri=" + ri + " is not a number of seconds",
                    "Set ri=86400 (daily reports, the default) or remove it."));
        }
    }

    private void readPolicies() {
        String p = tags.get("p");
        if (p == null) {
            problems.add(Problem.fail("no p= tag: the record states no policy",
                    "Add p=none while collecting reports, then p=quarantine and p=reject (RFC 7489 6.3), right"
                            + " after v=DMARC1."));
        } else if (!POLICIES.contains(p.toLowerCase(Locale.ROOT))) {
            problems.add(Problem.fail("p=" + p + " is not none, quarantine or reject",
                    "Set p=quarantine or p=reject (or p=none while collecting reports)."));
        } else {
            policy = p.toLowerCase(Locale.ROOT);
            if (tags.indexOf("p") != 1) {
                problems.add(Problem.warn("p= is not the tag right after v=DMARC1",
                        "Write the record as 'v=DMARC1; p=...; ...': RFC 7489 6.3 wants v and p first, in that"
                                + " order, and strict receivers discard it otherwise."));
            }
        }
        String sp = tags.get("sp");
        if (sp != null) {
            if (POLICIES.contains(sp.toLowerCase(Locale.ROOT))) {
                subdomainPolicy = sp.toLowerCase(Locale.ROOT);
            } else {
                problems.add(Problem.fail("sp=" + sp + " is not none, quarantine or reject",
                        "Set sp=quarantine or sp=reject, or remove sp= so subdomains get p=."));
            }
        }
    }

    private void readPct() {
        String v = tags.get("pct");
        if (v == null) {
            return;
        }
        if (!PERCENT.matcher(v).matches() || Integer.parseInt(v) > 100) {
            problems.add(Problem.fail("pct=" + v + " is not a whole number from 0 to 100",
                    "Set pct=100 (the default) or remove pct=."));
            return;
        }
        pct = Integer.parseInt(v);
        if (pct < 100) {
            problems.add(Problem.warn("pct=" + pct + ": the policy applies to only " + pct + "% of failing mail",
                    "Raise pct= to 100 (or remove it) once reports show legitimate mail passes."));
        }
    }

    private void readUris(String tag, List<String> into) {
        String v = tags.get(tag);
        if (v == null) {
            return;
        }
        if (v.isBlank()) {
            problems.add(Problem.fail(tag + "= is empty", "Give " + tag + "= a mailto: address or remove it."));
            return;
        }
        for (String raw : v.split(",", -1)) {
            String uri = SIZE_LIMIT.matcher(raw.strip()).replaceFirst("");
            Optional<String> problem = uriProblem(uri);
            if (problem.isPresent()) {
                problems.add(Problem.fail(tag + "=" + TagList.shorten(raw.strip()) + ": " + problem.get(),
                        "Write " + tag + "= as a comma-separated list of URIs like mailto:dmarc@example.com"
                                + " (RFC 7489 6.4)."));
            } else {
                into.add(uri);
                if (!uri.regionMatches(true, 0, "mailto:", 0, 7)) {
                    problems.add(Problem.warn(tag + "=" + TagList.shorten(uri) + " is not a mailto: URI",
                            "Use a mailto: address: receivers are only required to send reports by mail"
                                    + " (RFC 7489 6.2)."));
                }
            }
        }
    }

    private static Optional<String> uriProblem(String uri) {
        if (uri.isEmpty()) {
            return Optional.of("an empty URI");
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (Exception e) {
            return Optional.of("not a URI");
        }
        if (parsed.getScheme() == null) {
            return Optional.of("not a URI (no scheme; write mailto:" + uri + ")");
        }
        if (parsed.getScheme().equalsIgnoreCase("mailto")) {
            String address = parsed.getSchemeSpecificPart();
            Matcher mailbox = address == null ? null : MAILBOX.matcher(address);
            if (mailbox == null || !mailbox.matches()) {
                return Optional.of("not a mail address");
            }
            // The probe asks DNS about the domain (RFC 7489 7.1): it must fit in a DNS name.
            String domain = mailbox.group(1);
            if (domain.length() > 253 || Arrays.stream(domain.split("\\.")).anyMatch(label -> label.length() > 63)) {
                return Optional.of("not a mail address (its domain is longer than DNS allows)");
            }
        }
        return Optional.empty();
    }

    /**
     * @param uri a {@code mailto:} URI from {@link #rua()} or {@link #ruf()}
     * @return the domain of its address, lower case, or empty for another scheme
     */
    public static Optional<String> mailDomain(String uri) {
        if (!uri.regionMatches(true, 0, "mailto:", 0, 7)) {
            return Optional.empty();
        }
        try {
            String address = new URI(uri).getSchemeSpecificPart();
            int at = address.lastIndexOf('@');
            return at < 0 ? Optional.empty() : Optional.of(DomainNames.relative(address.substring(at + 1)));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** @return the record's text */
    public String text() {
        return text;
    }

    /** @return p=, lower case, when valid */
    public Optional<String> policy() {
        return Optional.ofNullable(policy);
    }

    /** @return sp= when valid, else p= when valid (RFC 7489 6.3) */
    public Optional<String> subdomainPolicy() {
        return subdomainPolicy != null ? Optional.of(subdomainPolicy) : policy();
    }

    /** @return whether sp= is given and valid */
    public boolean hasSubdomainPolicy() {
        return subdomainPolicy != null;
    }

    /**
     * @return adkim=, lower case: {@code s} (strict: the DKIM signing domain must equal the From
     *     domain) or {@code r} (relaxed: the same organisational domain), the default when absent or
     *     invalid (RFC 7489 3.1.1, 6.3)
     */
    public String dkimAlignment() {
        return alignment("adkim");
    }

    /**
     * @return aspf=, lower case: {@code s} (strict: the envelope (MAIL FROM) domain must equal the From
     *     domain) or {@code r} (relaxed: the same organisational domain), the default when absent or
     *     invalid (RFC 7489 3.1.2, 6.3)
     */
    public String spfAlignment() {
        return alignment("aspf");
    }

    private String alignment(String tag) {
        String v = tags.get(tag);
        return v != null && v.equalsIgnoreCase("s") ? "s" : "r";
    }

    /** @return pct=, 100 when absent or invalid */
    public int pct() {
        return pct;
    }

    /** @return the valid rua= URIs, without size limits */
    public List<String> rua() {
        return List.copyOf(rua);
    }

    /** @return the valid ruf= URIs, without size limits */
    public List<String> ruf() {
        return List.copyOf(ruf);
    }

    /** @return what is wrong with the record, in order found */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }
}
