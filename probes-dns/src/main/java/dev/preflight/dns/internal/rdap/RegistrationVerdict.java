package dev.preflight.dns.internal.rdap;

import dev.preflight.dns.internal.Problem;
import dev.preflight.probe.Gauge;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a registry's record of a domain into {@code dns.registration}'s verdict: statuses that lose
 * the domain FAIL; the expiry against the thresholds; a missing expiry or transfer lock WARNs.
 *
 * @param warnDays fewer days left than this warns
 * @param failDays fewer days left than this fails
 * @param expectLock whether a missing transfer lock warns (else it is only a detail)
 */
public record RegistrationVerdict(int warnDays, int failDays, boolean expectLock) {

    /**
     * @param domain the registered domain
     * @param record what the registry says
     * @param now the instant to judge at
     * @param start a builder for a status, carrying the details of how the record was found
     * @return the result
     */
    public Result judge(String domain, RdapDomain record, Instant now, Function<Status, Result.Builder> start) {
        List<Problem> problems = new ArrayList<>();
        for (String status : record.statuses()) {
            RdapStatuses.danger(status).ifPresent(why -> problems.add(Problem.fail(domain + " " + why,
                    RdapStatuses.fix(status))));
        }
        String registrar = record.registrar() == null ? "your registrar" : record.registrar();
        EventDate expiry = record.expiration();
        Long daysLeft = expiry == null ? null : daysLeft(expiry.instant(), now);
        String renew = "Renew " + domain + " at " + registrar + " and turn on auto-renew with a payment method that"
                + " will not expire.";
        if (expiry == null) {
            problems.add(Problem.warn("the registry publishes no expiration date for " + domain
                    + "; cannot verify that it will be renewed", "Check the expiry of " + domain
                    + " at your registrar and turn on auto-renew."));
        } else if (!expiry.instant().isAfter(now)) {
            problems.add(Problem.fail(domain + " expired on " + expiry.day(), renew));
        } else if (daysLeft < warnDays) {
            String text = domain + " expires in " + daysLeft + " day" + (daysLeft == 1 ? "" : "s") + ", on "
                    + expiry.day();
            problems.add(daysLeft < failDays ? Problem.fail(text, renew) : Problem.warn(text, renew));
        }
        boolean locked = RdapStatuses.transferLocked(record.statuses());
        if (!locked && expectLock) {
            problems.add(Problem.warn(record.hasStatus()
                    ? domain + " is not locked against transfer (no 'client transfer prohibited' status)"
                    : "the registry publishes no status for " + domain + ", so no transfer lock can be seen",
                    "Ask " + registrar + " to set the transfer lock (clientTransferProhibited, often called"
                            + " 'registrar lock' or 'domain lock'); if the registry offers none, set"
                            + " dns.registration.expect-transfer-lock: false."));
        }

        Status status = Problem.worst(problems);
        List<Problem> ordered = Problem.worstFirst(problems);
        Result.Builder result = start.apply(status).detail("expires", expiry == null ? null : expiry.text())
                .detail("daysLeft", daysLeft)
                .detail("registered", record.registration() == null ? null : record.registration().text())
                .detail("lastChanged", record.lastChanged() == null ? null : record.lastChanged().text())
                .detail("statuses", record.statuses()).detail("transferLock", locked)
                .detail("registrar", record.registrar()).detail("registrarIanaId", record.registrarId())
                .detail("nameservers", record.nameservers().isEmpty() ? null : record.nameservers())
                .detail("problems", ordered.isEmpty() ? null : ordered.stream().map(Problem::text).toList());
        if (expiry != null) {
            result.gauge(Gauge.of("domain_expiry_timestamp_seconds", expiry.instant().getEpochSecond(),
                    "When the domain's registration expires, in seconds since the epoch"));
        }
        if (status == Status.PASS) {
            return result.summary(domain + " is registered until " + expiry.day() + " (" + daysLeft + " days left)"
                    + (record.registrar() == null ? "" : " at " + record.registrar())
                    + (locked ? ", locked against transfer" : "")).build();
        }
        Set<String> fixes = new LinkedHashSet<>();
        ordered.forEach(p -> fixes.add(p.fix()));
        return result.summary(ordered.get(0).text() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : ""))
                .remediation(String.join(" ", fixes)).build();
    }

    /** Whole days, rounded toward the past: 20 days and 23 hours left is 20; expired 1 hour ago is -1. */
    private static long daysLeft(Instant expiry, Instant now) {
        return Math.floorDiv(Duration.between(now, expiry).toSeconds(), 86_400L);
    }
}
