package dev.preflight.dns;

import dev.preflight.dns.internal.DomainNames;
import dev.preflight.dns.internal.MtaSts;
import dev.preflight.dns.internal.Problem;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.dns.internal.TagList;
import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.xbill.DNS.MXRecord;

/**
 * {@code dns.mta-sts}: the domain publishes an MTA-STS policy (RFC 8461) that makes senders deliver
 * its mail only over verified TLS, to the hosts its MX records name.
 *
 * <p>The TXT record {@code _mta-sts.<domain>} must be one {@code v=STSv1; id=...;} record; the policy
 * is then fetched from {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} with the
 * certificate verified (senders do the same) and no redirect followed (RFC 8461 3.3), and each
 * current MX host is matched against its {@code mx} patterns.
 *
 * <p>PASS: one valid TXT record, a 200 {@code text/plain} policy with {@code mode: enforce}, every MX
 * host covered, and {@code max_age} of at least a day (under a week is noted in the details). WARN:
 * no TXT record (mail to the domain can be downgraded to plaintext), {@code mode: testing} or
 * {@code none}, {@code max_age} under a day, an MX host not covered in {@code mode: none}, a null MX.
 * FAIL: several TXT records, a malformed one, a policy that cannot be fetched (TLS failure, refused
 * connection, a status other than 200, a redirect, not {@code text/plain}, over 64 KiB), a malformed
 * policy, an MX host no {@code mx} pattern covers. ERROR: the DNS server failed, or no answer before
 * the deadline. SKIP: a target that names no domain.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class MtaStsProbe extends DomainProbe {
    private static final long DAY = 86_400L;
    private static final long WEEK = 7 * DAY;
    private static final int MAX_POLICY_BYTES = 64 * 1024;

    private final int policyPort;

    /** The probe as senders see the domain: the policy on port 443. */
    public MtaStsProbe() {
        this(443);
    }

    /** @param policyPort where the policy host listens; other than 443 only for tests on loopback */
    MtaStsProbe(int policyPort) {
        this.policyPort = policyPort;
    }

    @Override
    public String id() {
        return "dns.mta-sts";
    }

    @Override
    public String title() {
        return "An MTA-STS policy makes senders deliver mail only over verified TLS to the domain's MX hosts";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        String name = "_mta-sts." + domain;
        Network network = Network.of(context);
        DnsAnswer answer = network.resolver().txt(name);
        if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return ServerFailures.error(answer);
        }
        List<String> records = new ArrayList<>();
        List<String> lookalikes = new ArrayList<>();
        for (String text : answer.texts()) {
            if (MtaSts.isStsRecord(text)) {
                records.add(text);
            } else if (MtaSts.looksLikeStsRecord(text)) {
                lookalikes.add(text);
            }
        }
        if (records.isEmpty() && !lookalikes.isEmpty()) {
            return Result.builder(Status.FAIL).summary("TXT at " + name + " is ignored by senders, not starting with"
                    + " exactly 'v=STSv1;': '" + TagList.shorten(lookalikes.get(0)) + "'")
                    .remediation("Start the record with exactly 'v=STSv1;' (RFC 8461 3.1).")
                    .detail("record", lookalikes).build();
        }
        if (records.isEmpty()) {
            return Result.builder(Status.WARN).summary("no MTA-STS record at " + name
                    + ": mail to " + domain + " can be downgraded to plaintext")
                    .remediation("Serve a policy at https://mta-sts." + domain + "/.well-known/mta-sts.txt (mode:"
                            + " testing first, then enforce) and publish TXT 'v=STSv1; id=20240101T000000;' at "
                            + name + " (RFC 8461).")
                    .build();
        }
        if (records.size() > 1) {
            return Result.builder(Status.FAIL).summary(records.size() + " MTA-STS records at " + name
                    + ": senders then assume there is no policy (RFC 8461 3.1)")
                    .remediation("Keep exactly one TXT record starting 'v=STSv1;' at " + name + ".")
                    .detail("record", records).build();
        }
        MtaSts.TxtRecord record = MtaSts.parseRecord(records.get(0));
        if (!record.problems().isEmpty()) {
            return Result.builder(Status.FAIL).summary(record.problems().get(0).text() + " (" + name
                    + "): senders then assume there is no policy")
                    .remediation(record.problems().get(0).fix()).detail("record", record.text())
                    .detail("problems", record.problems().stream().map(Problem::text).toList()).build();
        }

        DnsAnswer mxAnswer = network.resolver().mx(domain);
        if (mxAnswer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return ServerFailures.error(mxAnswer);
        }

        String url = "https://mta-sts." + domain + (policyPort == 443 ? "" : ":" + policyPort)
                + "/.well-known/mta-sts.txt";
        Fetch fetch = fetch(network, url);
        if (fetch.error != null) {
            return fetch.error;
        }
        if (fetch.failure != null) {
            return Result.builder(Status.FAIL).summary("the MTA-STS policy cannot be used: " + fetch.failure
                    + "; senders then treat mail to " + domain + " as having no policy")
                    .remediation("Serve the policy at " + url + " with a certificate valid for mta-sts." + domain
                            + " from a public CA, status 200, Content-Type text/plain and no redirect (RFC 8461 3.3).")
                    .detail("record", record.text()).detail("policyUrl", url).build();
        }

        MtaSts.Policy policy = MtaSts.parsePolicy(fetch.body);
        List<Problem> problems = new ArrayList<>(policy.problems());
        List<String> hosts = new ArrayList<>();
        List<MXRecord> mx = mxAnswer.records(MXRecord.class);
        boolean nullMx = mx.stream().anyMatch(r -> r.getTarget().toString().equals("."));
        if (nullMx) {
            problems.add(Problem.warn(domain + " has a null MX: it takes no mail, so an MTA-STS policy is moot",
                    "Remove the MTA-STS record, or the null MX if the domain takes mail."));
        } else if (mx.isEmpty()) {
            hosts.add(domain); // RFC 5321 5.1: without MX the domain itself is the mail host
        } else {
            mx.forEach(r -> hosts.add(DomainNames.relative(r.getTarget().toString()).toLowerCase(Locale.ROOT)));
        }
        List<String> uncovered = new ArrayList<>();
        if (policy.mode() != null) {
            for (String host : hosts) {
                if (MtaSts.covering(policy.mx(), host).isEmpty()) {
                    uncovered.add(host);
                }
            }
        }
        if (!uncovered.isEmpty()) {
            String text = "MX host" + (uncovered.size() == 1 ? " " : "s ") + String.join(", ", uncovered)
                    + (uncovered.size() == 1 ? " is" : " are") + " not covered by any mx pattern of the policy"
                    + (policy.mx().isEmpty() ? "" : " (" + String.join(", ", policy.mx()) + ")");
            String fix = "Add an 'mx:' line for each MX host to the policy, change its id= in " + name
                    + ", or fix the MX records.";
            problems.add("none".equals(policy.mode()) ? Problem.warn(text, fix)
                    : Problem.fail(text + ": senders will refuse to deliver there", fix));
        }
        if ("testing".equals(policy.mode())) {
            problems.add(Problem.warn("mode: testing: senders report but still deliver over plaintext or"
                    + " unverified TLS", "Once TLS reports show no failures, set 'mode: enforce' and change id=."));
        } else if ("none".equals(policy.mode())) {
            problems.add(Problem.warn("mode: none: the policy protects nothing",
                    "Set 'mode: testing', then 'mode: enforce', and change id=."));
        }
        String note = null;
        if (policy.maxAge() >= 0 && policy.maxAge() < DAY) {
            problems.add(Problem.warn("max_age " + policy.maxAge() + " is under a day: senders forget the policy"
                    + " quickly, leaving room for a downgrade", "Set max_age to 604800 (a week) or more."));
        } else if (policy.maxAge() >= DAY && policy.maxAge() < WEEK) {
            note = "max_age " + policy.maxAge() + " is under a week; RFC 8461 suggests weeks or more";
        }

        Status status = Problem.worst(problems);
        List<Problem> ordered = Problem.worstFirst(problems);
        Result.Builder result = Result.builder(status).detail("record", record.text()).detail("id", record.id())
                .detail("policyUrl", url).detail("mode", policy.mode())
                .detail("maxAge", policy.maxAge() < 0 ? null : policy.maxAge()).detail("mxPatterns", policy.mx())
                .detail("mxHosts", hosts).detail("note", note)
                .detail("problems", ordered.stream().map(Problem::text).toList());
        if (status == Status.PASS) {
            return result.summary("MTA-STS enforced for " + domain + " (id " + record.id() + ", max_age "
                    + policy.maxAge() + "), covering MX " + String.join(", ", hosts)).build();
        }
        Set<String> fixes = new LinkedHashSet<>();
        ordered.forEach(p -> fixes.add(p.fix()));
        return result.summary(ordered.get(0).text() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : ""))
                .remediation(String.join(" ", fixes)).build();
    }

    private static Fetch fetch(Network network, String url) throws IOException {
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = network.http().newCall(request).execute()) {
            int code = response.code();
            if (code >= 300 && code < 400) {
                return Fetch.failed(url + " answers " + code + ", a redirect"
                        + Optional.ofNullable(response.header("Location")).map(l -> " to " + l).orElse("")
                        + ", which senders do not follow (RFC 8461 3.3)");
            }
            if (code != 200) {
                return Fetch.failed(url + " answers " + code + ", not 200");
            }
            String type = Optional.ofNullable(response.header("Content-Type")).orElse("");
            String media = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (!media.equals("text/plain")) {
                return Fetch.failed(url + " is served as '" + (type.isEmpty() ? "no Content-Type" : type)
                        + "', not text/plain (RFC 8461 3.2)");
            }
            ResponseBody body = response.body();
            byte[] bytes;
            try (InputStream in = body.byteStream()) {
                bytes = in.readNBytes(MAX_POLICY_BYTES + 1);
            }
            if (bytes.length > MAX_POLICY_BYTES) {
                return Fetch.failed(url + " is larger than 64 KiB");
            }
            return new Fetch(new String(bytes, StandardCharsets.UTF_8), null, null);
        } catch (DeadlineExceededException e) {
            throw e;
        } catch (IOException e) {
            String what = NetworkFailures.describe(e, url);
            if (NetworkFailures.isTimeout(e)) {
                return new Fetch(null, null, Result.error(what, e));
            }
            return Fetch.failed(what);
        }
    }

    private record Fetch(String body, String failure, Result error) {
        static Fetch failed(String why) {
            return new Fetch(null, why, null);
        }
    }
}
