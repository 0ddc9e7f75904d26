package dev.preflight.http.internal;

import dev.preflight.http.internal.Attempt.Outcome;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which protocol versions and weak cipher suites one address of a server accepts, one handshake at a
 * time: TLS 1.3 and 1.2 by the JDK's own client; TLS 1.1, 1.0 and SSLv3, which the JDK will not offer,
 * by hand-built ClientHellos; then the weak suites, also hand-built, in rounds: each round offers every
 * weak suite not yet excluded, and a suite the server chooses excludes its categories from the next
 * round, so a server refusing them all costs one handshake. The rounds offer TLS 1.2, then, for a
 * server that accepted an older version, go on in the oldest it accepted, where EXPORT and DES live. Each handshake waits at most the handshake
 * timeout and never past the probe's deadline. Not thread-safe; one scan per address.
 */
public final class ProtocolScan {
    private static final List<TlsVersion> MODERN = List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2);
    private static final List<TlsVersion> OLD = List.of(TlsVersion.TLS_1_1, TlsVersion.TLS_1_0, TlsVersion.SSL_3_0);
    private static final String WEAK_SUITES = "weak suites";
    private static final String NO_ANSWER = "no answer";
    /** Less than this left is the deadline: a timeout rounded to milliseconds can leave a sliver. */
    private static final Duration MIN_HANDSHAKE_TIME = Duration.ofMillis(10);

    private final String host;
    private final int port;
    private final InetAddress address;
    private final ProbeContext context;
    private final Duration handshakeTimeout;
    private final Map<TlsVersion, Attempt> versions = new LinkedHashMap<>();
    private final List<Attempt> weakRounds = new ArrayList<>();
    private int handshakes;
    private boolean deadlineReached;
    private boolean silent;

    private ProtocolScan(String host, int port, InetAddress address, ProbeContext context, Duration handshakeTimeout) {
        this.host = host;
        this.port = port;
        this.address = address;
        this.context = context;
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * @param host the host name, sent as SNI
     * @param port the port
     * @param address where to connect
     * @param context the probe's context: deadline and cancellation
     * @param handshakeTimeout the most one handshake may wait for the server
     * @return the finished scan
     * @throws IOException if a connection could not be made at all (refused, no route)
     * @throws InterruptedException if the probe was cancelled
     */
    public static ProtocolScan run(String host, int port, InetAddress address, ProbeContext context,
            Duration handshakeTimeout) throws IOException, InterruptedException {
        ProtocolScan scan = new ProtocolScan(host, port, address, context, handshakeTimeout);
        scan.modern();
        if (!scan.silent) {
            scan.old();
            scan.weak();
        }
        return scan;
    }

    /** @return the attempt per version, TLS 1.3 first; versions not reached are absent */
    public Map<TlsVersion, Attempt> versions() {
        return Collections.unmodifiableMap(versions);
    }

    /** @return the weak-suite rounds in order: accepted ones, then the one that ended the search */
    public List<Attempt> weakRounds() {
        return List.copyOf(weakRounds);
    }

    /** @return the weak suites accepted, in the order found */
    public List<Attempt> weakAccepted() {
        return weakRounds.stream().filter(Attempt::accepted).toList();
    }

    /** @return how many connections the scan opened */
    public int handshakes() {
        return handshakes;
    }

    /** @return whether the probe's deadline cut the scan short */
    public boolean deadlineReached() {
        return deadlineReached;
    }

    /** @return whether the server answered neither the TLS 1.3 nor the TLS 1.2 handshake, so nothing more was tried */
    public boolean silent() {
        return silent;
    }

    /** @return every attempt, in the order made */
    public List<Attempt> attempts() {
        List<Attempt> all = new ArrayList<>(versions.values());
        all.addAll(weakRounds);
        return all;
    }

    private void modern() throws IOException, InterruptedException {
        JdkHandshake client = JdkHandshake.client();
        boolean answered = false;
        boolean tried = false;
        for (TlsVersion version : MODERN) {
            if (!client.offers(version)) {
                versions.put(version, JdkHandshake.unavailable(version));
                continue;
            }
            tried = true;
            Attempt attempt = step(version.label(), JdkHandshake.how(version),
                    timeout -> client.attempt(version, host, address, port, context, timeout));
            versions.put(version, attempt);
            answered |= attempt.accepted()
                    || attempt.outcome() != Outcome.NOT_TESTED && !attempt.reason().startsWith(NO_ANSWER);
        }
        silent = tried && !answered;
    }

    private void old() throws IOException, InterruptedException {
        List<CipherSuite> suites = CipherSuites.forOldProtocols();
        for (TlsVersion version : OLD) {
            ClientHello hello = ClientHello.of(version, suites, host);
            String how = "hand-built ClientHello, client_version " + version.label() + ", " + suites.size()
                    + " CBC and weak suites";
            versions.put(version, step(version.label(), how, timeout -> versionAnswer(version, hello, how,
                    RawHandshake.exchange(hello, address, port, context, timeout))));
        }
    }

    private void weak() throws IOException, InterruptedException {
        List<CipherSuite> left = weakSeries(TlsVersion.TLS_1_2, CipherSuites.weak());
        // EXPORT suites end at TLS 1.0 and DES at 1.1 (RFC 4346, RFC 5246): a server that still speaks an
        // older version is asked again in the oldest one it accepts, for the suites not found yet.
        TlsVersion oldest = null;
        for (TlsVersion version : OLD) {
            Attempt attempt = versions.get(version);
            if (attempt != null && attempt.accepted()) {
                oldest = version;
            }
        }
        if (oldest != null && !left.isEmpty() && !deadlineReached) {
            weakSeries(oldest, left);
        }
    }

    /** @return the suites still not accepted when the server refused the rest */
    private List<CipherSuite> weakSeries(TlsVersion version, List<CipherSuite> suites)
            throws IOException, InterruptedException {
        List<CipherSuite> left = suites;
        while (!left.isEmpty()) {
            ClientHello hello = ClientHello.of(version, left, host);
            String how = "hand-built ClientHello, client_version " + version.label() + ", " + left.size() + " suites ("
                    + categories(left) + ")";
            Attempt attempt = step(WEAK_SUITES, how, timeout -> weakAnswer(hello, how,
                    RawHandshake.exchange(hello, address, port, context, timeout)));
            weakRounds.add(attempt);
            if (!attempt.accepted()) {
                return left;
            }
            Set<SuiteWeakness> found = SuiteWeakness.of(attempt.suite());
            left = left.stream().filter(s -> Collections.disjoint(s.weaknesses(), found)).toList();
        }
        return left;
    }

    private static String categories(List<CipherSuite> suites) {
        Set<SuiteWeakness> all = EnumSet.noneOf(SuiteWeakness.class);
        suites.forEach(s -> all.addAll(s.weaknesses()));
        return all.stream().map(SuiteWeakness::label).collect(Collectors.joining(", "));
    }

    private static Attempt versionAnswer(TlsVersion version, ClientHello hello, String how, HelloReply reply) {
        String subject = version.label();
        if (reply.kind() != HelloReply.Kind.SERVER_HELLO) {
            return ended(subject, how, reply);
        }
        if (!hello.offers(reply.suite())) {
            return notOffered(subject, how, reply);
        }
        if (reply.version() == version.code()) {
            return Attempt.accepted(subject, how, version.label(), CipherSuites.name(reply.suite()));
        }
        if (reply.version() < version.code() && TlsVersion.of(reply.version()).isPresent()) {
            return Attempt.ended(subject, how, Outcome.REFUSED, "answered with " + TlsVersion.describe(reply.version())
                    + " instead");
        }
        return Attempt.ended(subject, how, Outcome.UNCLEAR, "chose " + TlsVersion.describe(reply.version())
                + ", which was not offered");
    }

    private static Attempt weakAnswer(ClientHello hello, String how, HelloReply reply) {
        if (reply.kind() != HelloReply.Kind.SERVER_HELLO) {
            return ended(WEAK_SUITES, how, reply);
        }
        if (!hello.offers(reply.suite())) {
            return notOffered(WEAK_SUITES, how, reply);
        }
        if (reply.version() > hello.version().code() || TlsVersion.of(reply.version()).isEmpty()) {
            return Attempt.ended(WEAK_SUITES, how, Outcome.UNCLEAR, "chose " + TlsVersion.describe(reply.version())
                    + ", which was not offered");
        }
        return Attempt.accepted(WEAK_SUITES, how, TlsVersion.describe(reply.version()),
                CipherSuites.name(reply.suite()));
    }

    private static Attempt ended(String subject, String how, HelloReply reply) {
        Outcome outcome = reply.kind() == HelloReply.Kind.MALFORMED ? Outcome.UNCLEAR : Outcome.REFUSED;
        return Attempt.ended(subject, how, outcome, reply.reason());
    }

    private static Attempt notOffered(String subject, String how, HelloReply reply) {
        return Attempt.ended(subject, how, Outcome.UNCLEAR, "chose cipher suite " + CipherSuite.hex(reply.suite())
                + ", which was not offered");
    }

    /** One handshake, given the time it may take. */
    @FunctionalInterface
    private interface Exchange {
        Attempt run(int timeoutMillis) throws IOException;
    }

    private Attempt step(String subject, String how, Exchange exchange) throws IOException, InterruptedException {
        checkCancelled();
        Duration left = context.remaining();
        if (left.compareTo(MIN_HANDSHAKE_TIME) < 0) {
            deadlineReached = true;
            return Attempt.ended(subject, how, Outcome.NOT_TESTED, "the probe's deadline came first");
        }
        boolean deadlineBound = left.compareTo(handshakeTimeout) <= 0;
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (deadlineBound ? left : handshakeTimeout).toMillis()));
        handshakes++;
        try {
            Attempt attempt = exchange.run(millis);
            if (!attempt.accepted() && pastDeadline()) {
                // The runner closes our sockets at the deadline: what looked like a reset may be that.
                checkCancelled();
                deadlineReached = true;
                return Attempt.ended(subject, how, Outcome.NOT_TESTED, NO_ANSWER + " before the probe's deadline");
            }
            return attempt;
        } catch (SocketTimeoutException e) {
            checkCancelled();
            if (deadlineBound || pastDeadline()) {
                deadlineReached = true;
                return Attempt.ended(subject, how, Outcome.NOT_TESTED, NO_ANSWER + " before the probe's deadline");
            }
            return Attempt.ended(subject, how, Outcome.REFUSED, NO_ANSWER + " within " + millis + " ms");
        } catch (IOException e) {
            checkCancelled();
            if (pastDeadline()) {
                deadlineReached = true;
                return Attempt.ended(subject, how, Outcome.NOT_TESTED, NO_ANSWER + " before the probe's deadline");
            }
            throw e;
        }
    }

    private boolean pastDeadline() {
        Duration left = context.remaining();
        return left.isZero() || left.isNegative();
    }

    private static void checkCancelled() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled");
        }
    }
}
