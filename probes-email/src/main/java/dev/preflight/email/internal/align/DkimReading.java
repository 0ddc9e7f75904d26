package dev.preflight.email.internal.align;

import dev.preflight.dns.internal.DkimKey;
import dev.preflight.dns.internal.DkimSelectors;
import dev.preflight.dns.internal.Problem;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a DKIM key is published for the From domain at the selectors (RFC 6376 3.6.2.1), judged
 * as {@code dns.dkim} judges keys: a key that verifiers can use there lets a signature with
 * {@code d=} the From domain align (RFC 7489 3.1.1). With relaxed alignment, keys under the
 * organisational domain count as well.
 *
 * @param part the verdict and its lines
 * @param aligned where a usable key was found that aligns, e.g. {@code s1._domainkey.shop.example};
 *     empty when none
 */
public record DkimReading(Part part, List<String> aligned) {

    /** Copies the list. */
    public DkimReading {
        aligned = List.copyOf(aligned);
    }

    /**
     * @param dns the check's resolver
     * @param fromDomain the From domain
     * @param orgDomain its organisational domain, looked under when {@code relaxed} and nothing usable is
     *     under the From domain
     * @param configured the selectors configured; empty to try {@link DkimSelectors#COMMON}
     * @param relaxed whether the DMARC policy aligns DKIM relaxed ({@code adkim=r})
     * @return the reading
     * @throws IOException if a DNS server did not answer before the deadline
     */
    public static DkimReading of(Resolver dns, String fromDomain, String orgDomain, List<String> configured,
            boolean relaxed) throws IOException {
        boolean discovering = configured.isEmpty();
        List<String> selectors = discovering ? DkimSelectors.COMMON : configured;
        Scan scan = Scan.of(dns, fromDomain, selectors, discovering);
        if (scan.usable.isEmpty() && relaxed && !orgDomain.equals(fromDomain)) {
            Scan org = Scan.of(dns, orgDomain, selectors, discovering);
            if (!org.usable.isEmpty()) {
                scan = org;
            }
        }
        String tried = discovering ? "the common selectors" : "selector" + (selectors.size() == 1 ? " " : "s ")
                + String.join(", ", selectors);
        List<String> lines = scan.lines.isEmpty() ? List.of("tried: " + String.join(", ", selectors)) : scan.lines;
        Status worst = Problem.worst(scan.problems);
        if (worst == Status.FAIL) {
            Problem first = Problem.worstFirst(scan.problems).get(0);
            return new DkimReading(new Part("dkim", Status.FAIL, first.text(), lines, first.fix()), scan.usable);
        }
        if (scan.usable.isEmpty()) {
            if (!scan.failures.isEmpty()) {
                return new DkimReading(new Part("dkim", Status.ERROR, "the DNS server could not answer TXT "
                        + String.join(", ", scan.failures), lines,
                        "Check that the DNS servers answer, then run again."), List.of());
            }
            String why = scan.problems.isEmpty() ? "" : " (" + Problem.worstFirst(scan.problems).get(0).text() + ")";
            return new DkimReading(new Part("dkim", Status.WARN, "no usable DKIM key for " + fromDomain + " at "
                    + tried + why, lines, "Enable DKIM signing for " + fromDomain + " at your mail provider or signer"
                    + " and publish its key; if it already signs, set smtp.sender-alignment.selectors to the s= of a"
                    + " DKIM-Signature header."), List.of());
        }
        String where = String.join(", ", scan.usable);
        if (worst == Status.WARN) {
            Problem first = Problem.worstFirst(scan.problems).get(0);
            return new DkimReading(new Part("dkim", Status.WARN, first.text() + " (key at " + where + ")", lines,
                    first.fix()), scan.usable);
        }
        return new DkimReading(new Part("dkim", Status.PASS, "DKIM key at " + where, lines, ""), scan.usable);
    }

    /** What one domain publishes at the selectors. */
    private static final class Scan {
        private final List<String> lines = new ArrayList<>();
        private final List<String> usable = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private final List<String> failures = new ArrayList<>();

        static Scan of(Resolver dns, String domain, List<String> selectors, boolean discovering) throws IOException {
            Scan scan = new Scan();
            for (String selector : selectors) {
                String name = selector + "._domainkey." + domain;
                DnsAnswer answer = dns.txt(name);
                if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                    scan.failures.add(name + answer.reason().map(r -> " (" + r + ")").orElse(""));
                    continue;
                }
                List<DkimKey> keys = answer.texts().stream().map(DkimKey::parse)
                        .filter(k -> !discovering || k.looksLikeKey()).toList();
                if (keys.isEmpty()) {
                    if (!discovering) {
                        scan.lines.add(name + ": no key record");
                    }
                    continue;
                }
                if (discovering && keys.stream().allMatch(DkimKey::revoked)) {
                    // A retired selector revoked with an empty p= is good practice, not a key in use.
                    scan.lines.add(name + ": revoked (empty p=)");
                    continue;
                }
                scan.read(name, keys);
            }
            return scan;
        }

        private void read(String name, List<DkimKey> keys) {
            boolean usableHere = false;
            List<String> notes = new ArrayList<>();
            for (DkimKey key : keys) {
                key.problems().forEach(p -> {
                    problems.add(new Problem(p.status(), name + ": " + p.text(), p.fix()));
                    notes.add(p.text());
                });
                usableHere |= Problem.worst(key.problems()) != Status.FAIL && !key.testing();
            }
            DkimKey first = keys.get(0);
            lines.add(name + ": " + first.keyType() + first.keyBits().map(b -> " " + b + " bits").orElse("")
                    + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
            if (usableHere) {
                usable.add(name);
            }
        }
    }
}
