package dev.preflight.dns;

import dev.preflight.dns.internal.Problem;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.dns.internal.TagList;
import dev.preflight.dns.internal.TlsRptRecord;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code dns.tls-rpt}: the domain asks for SMTP TLS reports (RFC 8460), so that failures of mail
 * delivered to it over TLS (MTA-STS, DANE) are reported to its operators.
 *
 * <p>The record is looked up at {@code _smtp._tls.<domain>}; TXT records there that do not start
 * with {@code v=TLSRPTv1} are ignored, as RFC 8460 3 says.
 *
 * <p>PASS: exactly one {@code v=TLSRPTv1} record whose {@code rua=} is a comma list of valid
 * {@code mailto:} or {@code https:} URIs. WARN: no record (delivery failures over TLS go unseen).
 * FAIL: several records (senders then use none), a missing or empty {@code rua=}, a URI that is not
 * {@code mailto:} or {@code https:} or is malformed, a syntax error or repeated tag, or a record
 * that only resembles {@code v=TLSRPTv1} (wrong case or spacing). ERROR: the DNS server failed or
 * did not answer in time. SKIP: a target that names no domain.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class TlsRptProbe extends DomainProbe {

    @Override
    public String id() {
        return "dns.tls-rpt";
    }

    @Override
    public String title() {
        return "SMTP TLS reporting (TLS-RPT) sends delivery failures over TLS to the domain's operators";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        String name = "_smtp._tls." + domain;
        DnsAnswer answer = Network.of(context).resolver().txt(name);
        if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return ServerFailures.error(answer);
        }
        List<String> records = new ArrayList<>();
        List<String> lookalikes = new ArrayList<>();
        for (String text : answer.texts()) {
            if (TlsRptRecord.isTlsRpt(text)) {
                records.add(text);
            } else if (TlsRptRecord.looksLikeTlsRpt(text)) {
                lookalikes.add(text);
            }
        }
        String example = "v=TLSRPTv1; rua=mailto:tls-reports@" + domain;
        if (records.isEmpty() && !lookalikes.isEmpty()) {
            return Result.builder(Status.FAIL)
                    .summary("TXT at " + name + " is ignored, not starting with exactly v=TLSRPTv1: '"
                            + TagList.shorten(lookalikes.get(0)) + "'")
                    .remediation("Start the record with exactly 'v=TLSRPTv1;' (RFC 8460 3), e.g. '" + example + "'.")
                    .detail("record", lookalikes).build();
        }
        if (records.isEmpty()) {
            return Result.builder(Status.WARN)
                    .summary("no TLS-RPT record at " + name + ": no TLS reports, so delivery failures over TLS go"
                            + " unseen")
                    .remediation("Publish a TXT record at " + name + " such as '" + example
                            + "' and read the reports (RFC 8460).")
                    .build();
        }
        if (records.size() > 1) {
            return Result.builder(Status.FAIL)
                    .summary(records.size() + " TLS-RPT records at " + name
                            + ": senders use none of them (RFC 8460 3)")
                    .remediation("Keep exactly one TXT record starting v=TLSRPTv1 at " + name + ".")
                    .detail("record", records).build();
        }
        TlsRptRecord record = TlsRptRecord.parse(records.get(0));
        List<Problem> problems = new ArrayList<>(record.problems());
        lookalikes.forEach(l -> problems.add(Problem.warn("TXT at " + name + " ignored, not starting with exactly"
                + " v=TLSRPTv1: '" + TagList.shorten(l) + "'", "Remove the stray record.")));
        Status status = Problem.worst(problems);
        List<Problem> ordered = Problem.worstFirst(problems);
        Result.Builder result = Result.builder(status)
                .detail("record", record.text())
                .detail("rua", record.rua())
                .detail("problems", ordered.stream().map(Problem::text).toList());
        if (status == Status.PASS) {
            return result.summary("TLS reports for " + domain + " go to " + String.join(", ", record.rua())).build();
        }
        Set<String> fixes = new LinkedHashSet<>();
        ordered.forEach(p -> fixes.add(p.fix()));
        return result.summary(ordered.get(0).text() + " (" + name + ")" + (problems.size() > 1 ? " (and "
                + (problems.size() - 1) + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : ""))
                .remediation(String.join(" ", fixes)).build();
    }
}
