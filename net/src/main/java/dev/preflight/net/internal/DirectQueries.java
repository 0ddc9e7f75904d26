package dev.preflight.net.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.DnsAnswer.Outcome;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * One question to one named DNS server, as {@code dig @server} asks it: a single message, the
 * recursion-desired bit as the caller chooses, no CNAME followed on this side, no search path, no
 * retry on another server. Truncated UDP answers are asked again over TCP (dnsjava does this). The
 * reply's header is kept: its response code and whether the server claimed authority (AA).
 */
public final class DirectQueries {

    private DirectQueries() {
    }

    /**
     * @param server where to ask
     * @param name an absolute DNS name
     * @param type a {@link Type} code
     * @param recursionDesired the RD bit: set to ask a recursive resolver, clear to ask an
     *     authoritative server about its own zone
     * @param context the probe's context, for the time left
     * @return the answer: the records of the type from the answer section
     * @throws DeadlineExceededException if the server did not answer before the context's deadline
     * @throws IOException if the name is malformed or the server could not be asked
     */
    public static DnsAnswer ask(InetSocketAddress server, String name, int type, boolean recursionDesired,
            ProbeContext context) throws IOException {
        String what = Type.string(type) + " " + name;
        String where = server.getAddress().getHostAddress() + ":" + server.getPort();
        Duration left = Duration.ofMillis(Deadlines.millisLeft(context, "asking " + where + " for " + what));
        Message query = Message.newQuery(Record.newRecord(parse(name), type, DClass.IN));
        if (!recursionDesired) {
            query.getHeader().unsetFlag(Flags.RD);
        }
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(left);
        CompletableFuture<Message> pending = resolver.sendAsync(query).toCompletableFuture();
        try {
            Message reply = pending.get(Math.max(1, context.remaining().toNanos()), TimeUnit.NANOSECONDS);
            return answer(name, type, where, reply);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new DeadlineExceededException(where + " did not answer " + what + " before the deadline");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking " + where + " for " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (isTimeout(cause)) {
                throw new DeadlineExceededException(where + " did not answer " + what + " before the deadline");
            }
            throw new IOException("asking " + where + " for " + what + " failed: " + cause.getMessage(), cause);
        }
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof java.net.SocketTimeoutException || cause instanceof TimeoutException
                || cause instanceof java.util.concurrent.CancellationException
                || cause instanceof IOException && cause.getMessage() != null
                        && cause.getMessage().toLowerCase(java.util.Locale.ROOT).contains("timed out");
    }

    private static DnsAnswer answer(String name, int type, String where, Message reply) {
        int rcode = reply.getRcode();
        boolean authoritative = reply.getHeader().getFlag(Flags.AA);
        if (rcode == Rcode.NXDOMAIN) {
            return new DnsAnswer(name, type, Outcome.NO_SUCH_NAME, List.of(), where, null, authoritative);
        }
        if (rcode != Rcode.NOERROR) {
            // REFUSED, NOTAUTH, NOTIMP...: the server will not answer this question, which for an
            // authoritative server means it does not serve the zone (a lame delegation).
            return new DnsAnswer(name, type, Outcome.SERVER_FAILURE, List.of(), where, Rcode.string(rcode),
                    authoritative);
        }
        // A recursive server puts the CNAME chain and the records it leads to in one answer section.
        List<Record> records = reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        return new DnsAnswer(name, type, records.isEmpty() ? Outcome.NO_RECORDS : Outcome.FOUND, records, where, null,
                authoritative);
    }

    private static Name parse(String name) throws IOException {
        try {
            return Name.fromString(name, Name.root);
        } catch (TextParseException e) {
            throw new IOException("'" + name + "' is not a valid DNS name: " + e.getMessage());
        }
    }
}
