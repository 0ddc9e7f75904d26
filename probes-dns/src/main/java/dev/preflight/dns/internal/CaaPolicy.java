package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.xbill.DNS.CAARecord;

/** Judges the CAA record set that applies to a domain (RFC 8659). */
public final class CaaPolicy {
    private static final Set<String> KNOWN_TAGS = Set.of("issue", "issuewild", "iodef", "contactemail",
            "contactphone", "issuemail", "issuevmc");
    /** RFC 8659 4.2: the issuer domain name, before any parameters. */
    private static final Pattern ISSUER = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final int CRITICAL = 128;

    private CaaPolicy() {
    }

    /**
     * @param domain the domain checked
     * @return the verdict when no CAA applies
     */
    public static Result none(String domain) {
        return Result.builder(Status.WARN).summary("no CAA record for " + domain + " or its parents: any CA may issue"
                + " certificates for it")
                .remediation("Publish CAA records naming the CAs you use, e.g. '" + domain + ". CAA 0 issue"
                        + " \"letsencrypt.org\"', and an iodef address to hear of refused requests (RFC 8659).")
                .build();
    }

    /**
     * @param domain the domain checked
     * @param from where the records were found: the domain or an ancestor
     * @param answer the CAA records there
     * @return the verdict
     */
    public static Result judge(String domain, String from, DnsAnswer answer) {
        List<CAARecord> records = answer.records(CAARecord.class);
        List<String> shown = new ArrayList<>();
        Set<String> allowed = new LinkedHashSet<>();
        List<String> iodef = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        boolean forbidsAll = false;
        for (CAARecord r : records) {
            String tag = r.getTag().toLowerCase(Locale.ROOT);
            String value = r.getValue().strip();
            shown.add(r.getFlags() + " " + tag + " \"" + value + "\"");
            if (!KNOWN_TAGS.contains(tag)) {
                if ((r.getFlags() & CRITICAL) != 0) {
                    problems.add("the critical property '" + tag + "' is unknown to CAs, so every CA must refuse to issue");
                }
                continue;
            }
            if (tag.equals("iodef")) {
                iodef.add(value);
            } else if (tag.equals("issue") || tag.equals("issuewild")) {
                String issuer = value.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (issuer.isEmpty()) {
                    forbidsAll |= tag.equals("issue");
                } else if (!ISSUER.matcher(issuer).matches()) {
                    problems.add(tag + " value '" + value + "' does not start with a CA's domain name");
                } else {
                    allowed.add(issuer);
                }
            }
        }
        String where = from.equals(domain) ? domain : domain + " (inherited from " + from + ")";
        Result.Builder result;
        if (!problems.isEmpty()) {
            result = Result.builder(Status.FAIL).summary("CAA for " + where + ": " + problems.get(0))
                    .remediation("Fix the CAA records: only the properties issue, issuewild and iodef (RFC 8659), each"
                            + " issue value a CA's domain name such as \"letsencrypt.org\".")
                    .detail("problems", problems);
        } else if (allowed.isEmpty() && forbidsAll) {
            result = Result.builder(Status.WARN).summary("CAA for " + where + " forbids every CA (issue \";\")")
                    .remediation("If the domain serves HTTPS, name its CA in an issue property, or renewals will fail.");
        } else if (allowed.isEmpty()) {
            result = Result.builder(Status.WARN).summary("CAA for " + where + " has no issue property: any CA may issue")
                    .remediation("Add an issue property naming the CAs you use, e.g. issue \"letsencrypt.org\".");
        } else {
            result = Result.builder(Status.PASS).summary("CAA for " + where + " allows " + String.join(", ", allowed));
        }
        return result.detail("from", from).detail("records", shown).detail("allowed", List.copyOf(allowed))
                .detail("iodef", iodef).build();
    }
}
