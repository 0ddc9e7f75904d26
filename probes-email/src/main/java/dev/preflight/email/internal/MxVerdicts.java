package dev.preflight.email.internal;

import dev.preflight.net.CertificateVerdict;
import dev.preflight.probe.Gauge;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds the verdicts on a domain's mail hosts into the probe's one result: the worst verdict decides
 * and its host is named in the summary; every host and address is listed in the details. When no
 * connection could be made to any address, the result is ERROR with the likeliest reason: the
 * checking machine's network blocks outbound connections to the port (as cloud providers and home
 * ISPs do for port 25). Hosts left unchecked by the cap turn a PASS into WARN: "every host" was not
 * seen.
 */
public final class MxVerdicts {

    private MxVerdicts() {
    }

    /**
     * @param domain the domain
     * @param mail where its mail goes
     * @param unchecked the hosts beyond the cap, not checked
     * @param port the port checked
     * @param found one per address tried, or per host with no address, in preference order; not empty
     * @return the probe's result
     */
    public static Result fold(String domain, MailHosts mail, List<String> unchecked, int port,
            List<MxVerdict> found) {
        List<MxVerdict> verdicts = unverifiedHostsAsErrors(found);
        boolean implicit = mail.source() == MailHosts.Source.IMPLICIT_MX;
        Status worst = verdicts.stream().map(MxVerdict::status).max(Comparator.comparingInt(Status::severity))
                .orElseThrow();
        Result.Builder result = Result.builder(Status.PASS).subject(domain);
        if (verdicts.stream().allMatch(MxVerdict::unconnected)) {
            result = Result.builder(Status.ERROR).subject(domain)
                    .summary("cannot connect to any mail host of " + domain + " on port " + port + " ("
                            + verdicts.get(0).finding() + (verdicts.size() > 1 ? "; " + (verdicts.size() - 1)
                                    + " more alike" : "") + "): outbound port " + port + " may be blocked from this"
                            + " machine, as many cloud providers and home ISPs block port 25; check from a network"
                            + " that allows it")
                    .cause(verdicts.get(0).cause());
        } else if (worst == Status.PASS) {
            String hosts = String.join(", ", mail.hosts().subList(0, mail.hosts().size() - unchecked.size()));
            if (!unchecked.isEmpty()) {
                result = Result.builder(Status.WARN).subject(domain)
                        .summary("the first " + (mail.hosts().size() - unchecked.size()) + " of " + mail.hosts().size()
                                + " MX hosts of " + domain + " offer STARTTLS with a valid certificate (" + hosts
                                + "); " + unchecked.size() + " more not checked (max-hosts)")
                        .remediation("Raise smtp.mx-starttls.max-hosts to " + mail.hosts().size()
                                + " to check every MX host.");
            } else if (implicit) {
                result.summary(domain + " has no MX record, so its own address receives its mail (RFC 5321 5.1):"
                        + " it offers STARTTLS with a valid certificate");
            } else {
                result.summary("every MX host of " + domain + " offers STARTTLS with a valid certificate: " + hosts);
            }
        } else {
            List<MxVerdict> problems = verdicts.stream()
                    .filter(v -> v.status() != Status.PASS && v.status() != Status.SKIP).toList();
            MxVerdict first = problems.stream().filter(v -> v.status() == worst).findFirst().orElseThrow();
            int more = problems.size() - 1;
            result = Result.builder(worst).subject(domain)
                    .summary((implicit ? domain + " has no MX record, so its own address receives its mail"
                            + " (RFC 5321 5.1); " : "") + first.sentence() + (more > 0 ? " (and " + more
                            + " more problem" + (more > 1 ? "s" : "") + ")" : ""))
                    .cause(first.cause());
            Set<String> fixes = new LinkedHashSet<>();
            problems.stream().filter(v -> v.status() == worst).forEach(v -> add(fixes, v.remediation()));
            problems.forEach(v -> add(fixes, v.remediation()));
            if (!fixes.isEmpty()) {
                result.remediation(String.join(" ", fixes));
            }
        }
        List<String> lines = new ArrayList<>();
        verdicts.forEach(v -> lines.add(v.line()));
        // One expiry per host for preflight serve: the soonest its addresses serve.
        Map<String, Instant> expiries = new LinkedHashMap<>();
        verdicts.stream().filter(v -> v.certificateExpiry() != null).forEach(v -> expiries.merge(v.host(),
                v.certificateExpiry(), (a, b) -> a.isBefore(b) ? a : b));
        for (Map.Entry<String, Instant> expiry : expiries.entrySet()) {
            result.gauge(Gauge.of(CertificateVerdict.EXPIRY_GAUGE, expiry.getValue().getEpochSecond(),
                    "When the leaf certificate the server sends expires, in seconds since the epoch")
                    .withLabel("host", expiry.getKey()));
        }
        return result.detail("source", implicit ? "implicit MX: no MX record, the domain itself (RFC 5321 5.1)"
                        : "MX records")
                .detail("mx", mail.records().isEmpty() ? null : mail.records())
                .detail("port", port)
                .detail("hosts", lines)
                .detail("notChecked", unchecked.isEmpty() ? null : unchecked)
                .build();
    }

    /**
     * An address not checked (an IPv6 address with no route from here) decides nothing while another
     * address of its host was checked; a host with no address checked at all is an ERROR: unverified.
     */
    private static List<MxVerdict> unverifiedHostsAsErrors(List<MxVerdict> verdicts) {
        Set<String> checked = new java.util.HashSet<>();
        verdicts.stream().filter(v -> v.status() != Status.SKIP).forEach(v -> checked.add(v.host()));
        return verdicts.stream().map(v -> v.status() == Status.SKIP && !checked.contains(v.host())
                ? MxVerdict.error(v.host(), v.address(), v.finding().replaceFirst("^not checked: ", "cannot check: "),
                        v.unconnected(), v.cause())
                : v).toList();
    }

    private static void add(Set<String> fixes, String remediation) {
        if (remediation != null) {
            fixes.add(remediation);
        }
    }
}
