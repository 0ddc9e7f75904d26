package dev.preflight.http.internal;

import dev.preflight.http.internal.Attempt.Outcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a protocol scan of one address: an old protocol or a weak suite accepted is a FAIL, TLS 1.3
 * refused a WARN; a server that answered nothing usable, or a scan the deadline cut short before it
 * found a FAIL, an ERROR. Every result carries what was accepted, refused, unclear and not tested, and
 * how each handshake was made.
 */
public final class ProtocolVerdict {
    private static final String OLD_PROTOCOLS_FIX = "Allow only TLS 1.2 and 1.3 (RFC 8996 deprecates TLS 1.0 and 1.1):"
            + " nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, HAProxy"
            + " `ssl-default-bind-options ssl-min-ver TLSv1.2`; on a cloud load balancer choose a TLS 1.2+ security"
            + " policy.";
    private static final String WEAK_SUITES_FIX = "Remove NULL, EXPORT, RC4, DES, 3DES and anonymous suites: offer"
            + " ECDHE with AES-GCM or ChaCha20-Poly1305 (Mozilla's \"intermediate\" configuration), e.g. nginx"
            + " `ssl_ciphers ECDHE+AESGCM:ECDHE+CHACHA20:!aNULL:!eNULL:!EXPORT:!RC4:!DES:!3DES;`, Apache"
            + " `SSLCipherSuite` with the same string; Java servers keep the JDK's default"
            + " jdk.tls.disabledAlgorithms.";
    private static final String TLS13_FIX = "Enable TLS 1.3 next to 1.2: nginx `ssl_protocols TLSv1.2 TLSv1.3;`"
            + " (built with OpenSSL 1.1.1 or later), Apache 2.4.37+ `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Java"
            + " servers on JDK 11 or later have it by default; most load balancers offer a TLS 1.3 policy.";

    private ProtocolVerdict() {
    }

    /**
     * @param scan a finished scan of one address
     * @param endpoint {@code host:port}, for summaries
     * @param timeout the handshake timeout the scan used
     * @return the verdict with its summary, remediation and details; the caller adds the subject
     */
    public static Result.Builder of(ProtocolScan scan, String endpoint, Duration timeout) {
        if (scan.silent()) {
            return details(Status.ERROR, scan).summary("no answer from " + endpoint + " to a TLS handshake "
                    + (scan.deadlineReached() ? "before the deadline" : "within " + timeout.toMillis() + " ms"));
        }
        List<String> old = scan.versions().entrySet().stream()
                .filter(e -> e.getKey().deprecated() && e.getValue().accepted()).map(e -> e.getKey().label()).toList();
        if (!old.isEmpty() || !scan.weakAccepted().isEmpty()) {
            // Even when the deadline cut the scan short: what was found is enough to fail.
            return fail(scan, old);
        }
        if (scan.deadlineReached()) {
            return details(Status.ERROR, scan).summary("the deadline ended the scan of " + endpoint + " after "
                    + scan.handshakes() + " handshakes, before it could tell");
        }
        if (labels(scan.versions(), Outcome.ACCEPTED).isEmpty()) {
            List<String> unclear = unclear(scan);
            return details(Status.ERROR, scan).summary(unclear.isEmpty()
                    ? endpoint + " refused every protocol version tried ("
                            + String.join(", ", labels(scan.versions(), Outcome.REFUSED)) + ")"
                    : "no TLS handshake with " + endpoint + " succeeded: " + unclear.get(0));
        }
        return passOrWarn(scan);
    }

    private static Result.Builder fail(ProtocolScan scan, List<String> old) {
        List<Attempt> weak = scan.weakAccepted();
        List<String> problems = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        if (!old.isEmpty()) {
            problems.add("accepts " + String.join(", ", old));
            fixes.add(OLD_PROTOCOLS_FIX);
        }
        if (!weak.isEmpty()) {
            problems.add((old.isEmpty() ? "accepts " : "") + "weak cipher suites: " + weakSummary(weak));
            fixes.add(WEAK_SUITES_FIX);
        }
        return details(Status.FAIL, scan).summary(String.join(" and ", problems) + unclearNote(scan))
                .remediation(String.join(" ", fixes));
    }

    private static Result.Builder passOrWarn(ProtocolScan scan) {
        String accepted = String.join(", ", labels(scan.versions(), Outcome.ACCEPTED));
        Attempt tls13 = scan.versions().get(TlsVersion.TLS_1_3);
        if (tls13 != null && tls13.outcome() == Outcome.REFUSED) {
            Attempt tls12 = scan.versions().get(TlsVersion.TLS_1_2);
            return details(Status.WARN, scan).summary("does not offer TLS 1.3 (" + tls13.reason() + "); accepts "
                    + accepted + (tls12 != null && tls12.accepted() ? " with " + tls12.suite() : "") + unclearNote(scan))
                    .remediation(TLS13_FIX);
        }
        String untested = tls13 != null && tls13.outcome() == Outcome.NOT_TESTED
                ? "; TLSv1.3 not tested: " + tls13.reason() : "";
        return details(Status.PASS, scan).summary("accepts " + accepted.replace(", ", " and ")
                + " only, and no weak cipher suite" + untested + unclearNote(scan));
    }

    private static Result.Builder details(Status status, ProtocolScan scan) {
        Result.Builder result = Result.builder(status);
        Map<TlsVersion, Attempt> versions = scan.versions();
        result.detail("accepted", labels(versions, Outcome.ACCEPTED))
                .detail("refused", labels(versions, Outcome.REFUSED));
        List<String> unclear = unclear(scan);
        if (!unclear.isEmpty()) {
            result.detail("unclear", unclear);
        }
        List<String> notTested = scan.attempts().stream().filter(a -> a.outcome() == Outcome.NOT_TESTED)
                .map(a -> a.subject() + ": " + a.reason()).toList();
        if (!notTested.isEmpty()) {
            result.detail("notTested", notTested);
        }
        suite(result, "tls13Suite", versions.get(TlsVersion.TLS_1_3));
        suite(result, "tls12Suite", versions.get(TlsVersion.TLS_1_2));
        Set<SuiteWeakness> categories = EnumSet.noneOf(SuiteWeakness.class);
        scan.weakAccepted().forEach(a -> categories.addAll(SuiteWeakness.of(a.suite())));
        return result.detail("weakCategories", categories.stream().map(SuiteWeakness::label).toList())
                .detail("weakSuites", weakSuites(scan.weakAccepted()))
                .detail("tested", scan.attempts().stream().map(Attempt::describe).toList())
                .detail("handshakes", scan.handshakes());
    }

    private static void suite(Result.Builder result, String key, Attempt attempt) {
        if (attempt != null && attempt.accepted()) {
            result.detail(key, attempt.suite());
        }
    }

    private static List<String> labels(Map<TlsVersion, Attempt> versions, Outcome outcome) {
        return versions.entrySet().stream().filter(e -> e.getValue().outcome() == outcome)
                .map(e -> e.getKey().label()).toList();
    }

    private static List<String> unclear(ProtocolScan scan) {
        return scan.attempts().stream().filter(a -> a.outcome() == Outcome.UNCLEAR)
                .map(a -> a.subject() + ": " + a.reason()).toList();
    }

    private static String unclearNote(ProtocolScan scan) {
        int n = unclear(scan).size();
        return n == 0 ? "" : " (" + n + " answer" + (n > 1 ? "s" : "") + " unclear, see details)";
    }

    /**
     * Names the first two suites the server chose and only the categories of the rest, so that the
     * summary stays one readable line; {@code weakSuites} has them all.
     */
    private static String weakSummary(List<Attempt> weak) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < weak.size(); i++) {
            String categories = categories(weak.get(i));
            parts.add(i < 2 ? categories + " (" + weak.get(i).suite() + ")" : categories);
        }
        return String.join(", ", parts);
    }

    private static String categories(Attempt weak) {
        return String.join("/", SuiteWeakness.of(weak.suite()).stream().map(SuiteWeakness::label).toList());
    }

    /** @return e.g. {@code 3DES: TLS_RSA_WITH_3DES_EDE_CBC_SHA in TLSv1.0} */
    private static List<String> weakSuites(List<Attempt> weak) {
        return weak.stream().map(a -> categories(a) + ": " + a.suite() + " in " + a.version()).toList();
    }
}
