package dev.preflight.dns;

import dev.preflight.dns.internal.DkimKey;
import dev.preflight.dns.internal.DkimSelectors;
import dev.preflight.dns.internal.Problem;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code dns.dkim}: the domain's DKIM keys (RFC 6376) are published, usable and strong enough
 * (RFC 8301, RFC 8463).
 *
 * <p>Selectors come from the setting {@code dns.dkim.selectors} (a comma list). Without it the probe
 * tries common selectors ({@link #DISCOVERY}) and judges what it finds; finding none is a WARN, since
 * a domain's selectors cannot be listed from DNS, never a PASS.
 *
 * <p>PASS: every key found is an Ed25519 key or an RSA key of 2048 bits or more. WARN: an RSA key of
 * 1024 to 2047 bits, testing mode ({@code t=y}), SHA-1 only ({@code h=sha1}), several records at one
 * selector, a bare RSAPublicKey, or no key at the common selectors. FAIL: a configured selector
 * without a key, a revoked key (empty {@code p=}) at a configured selector (one found by guessing is
 * only noted: revoking retired selectors is good practice), a key that does not parse, an RSA key under 1024
 * bits, or a record with invalid tags. ERROR: the DNS server failed or did not answer in time. SKIP:
 * a target that names no domain.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class DkimProbe extends DomainProbe {
    /** Selectors tried when none are configured: Google Workspace, Microsoft 365, common signers. */
    static final List<String> DISCOVERY = DkimSelectors.COMMON;

    @Override
    public String id() {
        return "dns.dkim";
    }

    @Override
    public String title() {
        return "DKIM keys are published, usable and strong enough";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        List<String> configured = context.settings().list("selectors");
        for (String selector : configured) {
            if (!DkimSelectors.isSelector(selector)) {
                throw context.settings().invalid("selectors", "'" + selector + "' is not a DNS label");
            }
        }
        boolean discovering = configured.isEmpty();
        List<String> selectors = discovering ? DISCOVERY : configured;
        Resolver dns = Network.of(context).resolver();

        List<String> lines = new ArrayList<>();
        List<String> found = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> revoked = new ArrayList<>();
        Integer weakest = null;
        for (String selector : selectors) {
            String name = selector + "._domainkey." + domain;
            DnsAnswer answer = dns.txt(name);
            if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                failures.add(name);
                lines.add(selector + ": the DNS server failed" + answer.reason().map(r -> " (" + r + ")").orElse(""));
                continue;
            }
            List<DkimKey> keys = answer.texts().stream().map(DkimKey::parse)
                    .filter(k -> !discovering || k.looksLikeKey()).toList();
            if (keys.isEmpty()) {
                if (!discovering) {
                    problems.add(Problem.fail("no DKIM key at " + name,
                            "Publish the key for selector " + selector + " as your signer or mail provider gives it"
                                    + " (a TXT record at " + name + "), or remove it from dns.dkim.selectors."));
                    lines.add(selector + ": FAIL no key record");
                }
                continue;
            }
            if (discovering && keys.stream().allMatch(DkimKey::revoked)) {
                // Revoking an old selector with an empty p= is good practice; a guessed one is not in use.
                revoked.add(selector);
                lines.add(selector + ": revoked (empty p=)");
                continue;
            }
            found.add(selector);
            List<Problem> own = new ArrayList<>();
            if (keys.size() > 1) {
                own.add(Problem.warn(keys.size() + " TXT records at " + name + ": verifiers may read either",
                        "Keep one key record per selector; publish a new key under a new selector."));
            }
            for (DkimKey key : keys) {
                key.problems().forEach(p -> own.add(new Problem(p.status(), selector + ": " + p.text(), p.fix())));
                if (key.keyBits().isPresent() && key.keyType().equals("rsa")) {
                    weakest = weakest == null ? key.keyBits().get() : Math.min(weakest, key.keyBits().get());
                }
            }
            DkimKey first = keys.get(0);
            String what = first.keyType() + first.keyBits().map(b -> " " + b + " bits").orElse("");
            Status status = Problem.worst(own);
            lines.add(selector + ": " + status + " " + what + (own.isEmpty() ? ""
                    : " (" + String.join("; ", own.stream().map(Problem::text).toList()) + ")"));
            problems.addAll(own);
        }

        Status status = Problem.worst(problems);
        if (!failures.isEmpty() && status != Status.FAIL) {
            return Result.builder(Status.ERROR).summary("the DNS server could not answer TXT "
                    + String.join(", ", failures)).detail("selectors", lines).build();
        }
        if (found.isEmpty() && discovering) {
            return Result.builder(Status.WARN)
                    .summary("no DKIM key at the common selectors" + (revoked.isEmpty() ? ""
                            : " (only revoked keys, at " + String.join(", ", revoked) + ")")
                            + "; set dns.dkim.selectors")
                    .remediation("DKIM selectors cannot be listed from DNS: find yours in a signed message's"
                            + " DKIM-Signature header (s=) and set dns.dkim.selectors, e.g. 'selectors: google'; if"
                            + " the domain sends mail unsigned, enable DKIM signing at your mail provider.")
                    .detail("selectors", revoked.isEmpty() ? List.of("tried: " + String.join(", ", DISCOVERY)) : lines)
                    .build();
        }
        Result.Builder result = Result.builder(status).detail("selectors", lines).detail("keyBits", weakest)
                .detail("problems", Problem.worstFirst(problems).stream().map(Problem::text).toList());
        if (status == Status.PASS) {
            return result.summary("DKIM key" + (found.size() == 1 ? "" : "s") + " for " + domain + " at "
                    + String.join(", ", found) + (discovering ? " (common selectors; set dns.dkim.selectors to"
                    + " check yours)" : "") + ": " + String.join("; ", lines.stream()
                            .map(l -> l.replace(": PASS ", ": ")).toList())).build();
        }
        List<Problem> ordered = Problem.worstFirst(problems);
        Set<String> fixes = new LinkedHashSet<>();
        ordered.forEach(p -> fixes.add(p.fix()));
        return result.summary(ordered.get(0).text() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                + " more problem" + (problems.size() > 2 ? "s" : "") + ")" : ""))
                .remediation(String.join(" ", fixes)).build();
    }
}
