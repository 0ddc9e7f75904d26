package dev.preflight.net;

import dev.preflight.net.internal.Deadlines;
import dev.preflight.net.internal.DnsLookups;
import dev.preflight.net.internal.DnsServers;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Type;

/**
 * Whole DNS messages exchanged with the run's DNS servers ({@code --dns-server}, else the system's),
 * for probes that need what {@link Resolver} hides: header flags (AD, CD), the authority and
 * additional sections, signatures, or a dnsjava resolver of their own layered over the servers
 * (DNSSEC validation). Nothing is cached and no name is searched: questions are asked as given.
 *
 * <p>Every exchange ends at the check's deadline: {@link #resolver()} times out with the time left
 * when it is made, and {@link #send} stops waiting at the deadline whatever the resolver does,
 * throwing {@link DeadlineExceededException}. Belongs to one check; not for sharing across threads.
 *
 * <pre>{@code
 * DnsMessages dns = DnsMessages.of(context);
 * ValidatingResolver validating = new ValidatingResolver(dns.resolver(), context.clock());
 * Message answer = dns.send(validating, Message.newQuery(Record.newRecord(name, Type.SOA, DClass.IN)));
 * }</pre>
 *
 * @since 0.2
 */
public final class DnsMessages {
    private final ProbeContext context;
    private final DnsServers servers;

    private DnsMessages(ProbeContext context) {
        this.context = context;
        this.servers = DnsServers.of(context.network());
    }

    /**
     * @param context the check's context
     * @return exchanges with the DNS servers the run uses
     */
    public static DnsMessages of(ProbeContext context) {
        return new DnsMessages(context);
    }

    /**
     * A dnsjava resolver for the run's DNS servers, each asked once, whose timeout is the time left
     * now; make it just before use, and wait for it through {@link #send(Resolver, Message)}.
     *
     * @return a new resolver
     * @throws DeadlineExceededException if no time is left
     */
    public Resolver resolver() throws DeadlineExceededException {
        return DnsLookups.resolver(servers, Duration.ofMillis(Deadlines.millisLeft(context, "asking " + describe())));
    }

    /**
     * Sends a query through a fresh {@link #resolver()}.
     *
     * @param query the query
     * @return the response, whatever its rcode
     * @throws IOException as {@link #send(Resolver, Message)}
     */
    public Message send(Message query) throws IOException {
        return send(resolver(), query);
    }

    /**
     * Sends a query through a resolver (one from {@link #resolver()}, or one layered over it) and waits
     * for the response until the check's deadline.
     *
     * @param resolver the resolver to ask
     * @param query the query
     * @return the response, whatever its rcode
     * @throws DeadlineExceededException if no response came before the deadline
     * @throws IOException if the servers could not be asked
     */
    public Message send(Resolver resolver, Message query) throws IOException {
        String what = query.getQuestion() == null ? "a query"
                : Type.string(query.getQuestion().getType()) + " " + shown(query.getQuestion().getName());
        Deadlines.millisLeft(context, "asking " + what);
        CompletableFuture<Message> pending = resolver.sendAsync(query).toCompletableFuture();
        try {
            return pending.get(Math.max(1, context.remaining().toNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw late(what);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause.getCause() != null && !(cause instanceof IOException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SocketTimeoutException || cause instanceof TimeoutException
                    || cause instanceof DeadlineExceededException || cause instanceof IOException
                            && cause.getMessage() != null && cause.getMessage().contains("timed out")) {
                throw late(what);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException("asking " + describe() + " for " + what + " failed: " + cause, cause);
        }
    }

    /** @return where questions go, e.g. {@code the DNS server 127.0.0.1:5353} */
    public String describe() {
        return servers.describe();
    }

    private static String shown(org.xbill.DNS.Name name) {
        return name.equals(org.xbill.DNS.Name.root) ? "." : name.toString(true);
    }

    private DeadlineExceededException late(String what) {
        return new DeadlineExceededException(describe() + " did not answer " + what + " before the deadline");
    }
}
