package dev.preflight.dns.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A TLS-RPT record (RFC 8460 3): {@code v=TLSRPTv1; rua=mailto:...,https://...}. Never throws: a
 * malformed record becomes FAIL problems.
 */
public final class TlsRptRecord {
    private static final String VERSION = "v=TLSRPTv1";

    private final String text;
    private final List<String> rua;
    private final List<Problem> problems;

    private TlsRptRecord(String text, List<String> rua, List<Problem> problems) {
        this.text = text;
        this.rua = List.copyOf(rua);
        this.problems = List.copyOf(problems);
    }

    /** @param text a TXT record's text, possibly null @return whether it starts with exactly v=TLSRPTv1 */
    public static boolean isTlsRpt(String text) {
        if (text == null) {
            return false;
        }
        String s = text.strip();
        if (!s.startsWith(VERSION)) {
            return false;
        }
        String rest = s.substring(VERSION.length()).stripLeading();
        return rest.isEmpty() || rest.startsWith(";");
    }

    /** @param text a TXT record's text, possibly null @return whether it looks like a mistyped TLS-RPT record */
    public static boolean looksLikeTlsRpt(String text) {
        return text != null && !isTlsRpt(text) && text.strip().toLowerCase(Locale.ROOT).replace(" ", "")
                .startsWith("v=tlsrpt");
    }

    /**
     * @param text the record's text, possibly null
     * @return the record and its problems
     */
    public static TlsRptRecord parse(String text) {
        List<Problem> problems = new ArrayList<>();
        List<String> rua = new ArrayList<>();
        String fix = "Publish 'v=TLSRPTv1; rua=mailto:tls-reports@YOUR-DOMAIN' (RFC 8460 3).";
        if (!isTlsRpt(text)) {
            problems.add(Problem.fail("the record does not start with exactly v=TLSRPTv1", fix));
            return new TlsRptRecord(text == null ? "" : text, rua, problems);
        }
        TagList tags = TagList.parse(text, true);
        for (String error : tags.syntaxErrors()) {
            problems.add(Problem.fail("syntax error: " + error, fix));
        }
        for (String twice : tags.duplicates()) {
            problems.add(Problem.fail("tag " + twice + "= appears more than once", fix));
        }
        String value = tags.get("rua");
        if (value == null) {
            problems.add(Problem.fail("no rua=: the record names nowhere to send TLS reports", fix));
        } else if (value.isEmpty()) {
            problems.add(Problem.fail("rua= is empty", fix));
        } else {
            for (String part : value.split(",", -1)) {
                String uri = part.strip();
                String why = uriProblem(uri);
                if (why != null) {
                    problems.add(Problem.fail("rua URI '" + TagList.shorten(uri) + "' " + why,
                            "Use mailto:ADDRESS or https://HOST/PATH URIs separated by commas (RFC 8460 3)."));
                } else {
                    rua.add(uri);
                }
            }
        }
        return new TlsRptRecord(text, rua, problems);
    }

    /** @return null if the URI is a usable mailto: or https: URI, else why not */
    static String uriProblem(String uri) {
        if (uri.isEmpty()) {
            return "is empty";
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")) {
            String address = uri.substring(7);
            int q = address.indexOf('?');
            if (q >= 0) {
                address = address.substring(0, q);
            }
            int at = address.lastIndexOf('@');
            if (at <= 0 || at == address.length() - 1 || address.chars().anyMatch(c -> c <= ' ')) {
                return "is not mailto: followed by an e-mail address";
            }
            return null;
        }
        if (lower.startsWith("https:")) {
            try {
                URI parsed = new URI(uri);
                if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
                    return "has no host";
                }
                return null;
            } catch (URISyntaxException e) {
                return "is not a valid URI";
            }
        }
        return "is neither mailto: nor https:";
    }

    /** @return the record's text */
    public String text() {
        return text;
    }

    /** @return the valid report URIs, in order */
    public List<String> rua() {
        return rua;
    }

    /** @return everything wrong with the record, empty when valid */
    public List<Problem> problems() {
        return problems;
    }
}
