package dev.preflight.net.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.DnsAnswer.Outcome;
import dev.preflight.net.DnsAnswer;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupFailedException;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;
import org.xbill.DNS.lookup.ServerFailedException;

/**
 * Asks DNS questions with dnsjava's asynchronous lookups, so that several questions run at once and
 * every one ends at the probe's deadline whatever the server does. CNAMEs are followed, truncated UDP
 * answers are asked again over TCP (dnsjava does this), and on the system path resolv.conf's search
 * path applies as it does for the system's own lookups ({@link #systemAddresses} answers from the
 * hosts file first).
 */
public final class DnsLookups {
    private static final ExecutorService CALLBACKS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "preflight-dns");
        t.setDaemon(true);
        return t;
    });

    private DnsLookups() {
    }

    /**
     * Starts one question.
     *
     * @param servers where to ask
     * @param name the name, absolute unless {@code forAddresses} lets the search path apply
     * @param type a {@link Type} code
     * @param forAddresses whether this looks up a host's addresses (hosts file, search path)
     * @param context the probe's context, for the time left
     * @return the pending answer
     * @throws IOException if the name is malformed or no time is left
     */
    public static CompletableFuture<DnsAnswer> start(DnsServers servers, String name, int type, boolean forAddresses,
            ProbeContext context) throws IOException {
        Duration left = Duration.ofMillis(Deadlines.millisLeft(context, "asking " + Type.string(type) + " " + name));
        Name parsed = parse(name, forAddresses);
        LookupSession.LookupSessionBuilder session = LookupSession.builder().resolver(resolver(servers, left))
                .executor(CALLBACKS).clearCaches();
        if (forAddresses && servers.system()) {
            session.searchPath(servers.searchPath()).ndots(servers.ndots());
        }
        String where = servers.describe();
        return session.build().lookupAsync(parsed, type).toCompletableFuture()
                .handle((result, failure) -> answer(name, type, where, result, failure));
    }

    /**
     * @param servers where questions would go
     * @param host a host name, lower case
     * @return its addresses if the system knows them without DNS (only on the system path: a DNS
     *     server given with {@code --dns-server} is asked about every name)
     */
    public static java.util.Optional<List<java.net.InetAddress>> systemAddresses(DnsServers servers, String host) {
        return servers.system() ? SystemHosts.lookup(host) : java.util.Optional.empty();
    }

    /**
     * Waits for a question's answer until the probe's deadline.
     *
     * @param pending from {@link #start}
     * @param what the question, for messages, e.g. {@code TXT example.com}
     * @param servers where it went
     * @param context the probe's context
     * @return the answer
     * @throws IOException if no answer came in time or the server could not be reached
     */
    public static DnsAnswer await(CompletableFuture<DnsAnswer> pending, String what, DnsServers servers,
            ProbeContext context) throws IOException {
        try {
            long nanos = Math.max(1, context.remaining().toNanos());
            return pending.get(nanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new DeadlineExceededException(servers.describe() + " did not answer " + what + " before the deadline");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking " + what);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e.getCause());
            if (cause instanceof DeadlineExceededException timeout) {
                throw new DeadlineExceededException(servers.describe() + " did not answer " + what
                        + " before the deadline");
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("asking " + servers.describe() + " for " + what + " failed: " + cause, cause);
        }
    }

    private static Name parse(String name, boolean relativeAllowed) throws IOException {
        try {
            return relativeAllowed && !name.endsWith(".") ? Name.fromString(name) : Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IOException("'" + name + "' is not a valid DNS name: " + e.getMessage());
        }
    }

    /**
     * @param servers where to ask
     * @param timeout how long one question may take, at most the time left
     * @return a dnsjava resolver for those servers, one try each
     */
    public static Resolver resolver(DnsServers servers, Duration timeout) {
        List<Resolver> each = new ArrayList<>();
        for (InetSocketAddress server : servers.servers()) {
            SimpleResolver simple = new SimpleResolver(server);
            simple.setTimeout(timeout);
            each.add(simple);
        }
        if (each.size() == 1) {
            return each.get(0);
        }
        ExtendedResolver extended = new ExtendedResolver(each);
        extended.setTimeout(timeout);
        // One try per server: the deadline, not a retry count, bounds the wait.
        extended.setRetries(1);
        return extended;
    }

    private static DnsAnswer answer(String name, int type, String where, LookupResult result, Throwable failure) {
        if (failure == null) {
            List<Record> records = result.getRecords().stream().filter(r -> r.getType() == type).toList();
            return new DnsAnswer(name, type, records.isEmpty() ? Outcome.NO_RECORDS : Outcome.FOUND, records, where, null);
        }
        Throwable cause = unwrap(failure);
        if (cause instanceof NoSuchDomainException) {
            return new DnsAnswer(name, type, Outcome.NO_SUCH_NAME, List.of(), where, null);
        }
        if (cause instanceof NoSuchRRSetException) {
            return new DnsAnswer(name, type, Outcome.NO_RECORDS, List.of(), where, null);
        }
        if (cause instanceof ServerFailedException) {
            return new DnsAnswer(name, type, Outcome.SERVER_FAILURE, List.of(), where, "SERVFAIL");
        }
        if (cause instanceof LookupFailedException broken) {
            return new DnsAnswer(name, type, Outcome.SERVER_FAILURE, List.of(), where, broken.getMessage());
        }
        if (isTimeout(cause)) {
            throw new CompletionException(new DeadlineExceededException(cause.getMessage()));
        }
        throw new CompletionException(cause);
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException || cause instanceof java.net.SocketTimeoutException
                || cause instanceof CancellationException
                || cause instanceof IOException && cause.getMessage() != null
                        && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out");
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
