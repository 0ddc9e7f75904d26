package dev.preflight.net;

import dev.preflight.net.internal.Deadlines;
import dev.preflight.net.internal.HttpClients;
import dev.preflight.net.internal.NoDelaySockets;
import dev.preflight.net.internal.TrustAllCapture;
import dev.preflight.net.internal.TrustStores;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * The network as one check may use it: DNS lookups, sockets, TLS inspection and HTTP clients that
 * all end at the check's deadline, are cancelled with it, and honour the run's {@code --resolve}
 * overrides, {@code --dns-server} and {@code --ca-file} without the probe doing anything.
 *
 * <p>Failures are exceptions for the probe to throw or describe ({@link NetworkFailures}); the
 * deadline passing is a {@link DeadlineExceededException}. A {@code Network} belongs to one check
 * and is cheap to make; do not keep it beyond the check.
 *
 * <pre>{@code
 * public Result check(ProbeContext context) throws Exception {
 *     Network network = Network.of(context);
 *     try (Response response = network.http().newCall(new Request.Builder().url(url).build()).execute()) {
 *         return response.isSuccessful() ? Result.pass("answers " + response.code())
 *                 : Result.fail("answers " + response.code(), "Fix the endpoint.");
 *     }
 * }
 * }</pre>
 *
 * @since 0.2
 */
public final class Network {
    private final ProbeContext context;
    private final Resolver resolver;

    private Network(ProbeContext context) {
        this.context = context;
        this.resolver = new Resolver(context);
    }

    /**
     * @param context the check's context
     * @return the network for that check
     */
    public static Network of(ProbeContext context) {
        return new Network(context);
    }

    /** @return DNS lookups bound to the check's deadline and cached for the run */
    public Resolver resolver() {
        return resolver;
    }

    /**
     * Every address of a host; check each when a host is served by several nodes.
     *
     * @param host a host name or IP literal
     * @param port the port, to match {@code --resolve} overrides
     * @return the addresses, never empty
     * @throws IOException as {@link Resolver#addresses}
     */
    public List<InetAddress> addresses(String host, int port) throws IOException {
        return resolver.addresses(host, port);
    }

    /**
     * Opens a TCP connection within the deadline, with Nagle's algorithm off, registered for
     * cancellation. Reads time out at the deadline as it stands now; call {@link #armTimeout} before
     * reads that come later.
     *
     * @param address where to connect
     * @param port the port
     * @return the connected socket; the caller closes it
     * @throws IOException if the connection is refused or the deadline comes first
     */
    public Socket connect(InetAddress address, int port) throws IOException {
        return connect(address, port, null);
    }

    /**
     * As {@link #connect(InetAddress, int)}, with a limit of its own for one attempt among several
     * (a protocol scan): the connect and the read timeout end at the limit or the deadline,
     * whichever comes first.
     *
     * @param address where to connect
     * @param port the port
     * @param limit the most this attempt may take, or null for the deadline alone
     * @return the connected socket; the caller closes it
     * @throws IOException if the connection is refused or the time runs out first
     */
    public Socket connect(InetAddress address, int port, java.time.Duration limit) throws IOException {
        Socket socket = NoDelaySockets.unconnected();
        context.onCancel(socket);
        try {
            int millis = Deadlines.millisLeft(context, "connecting to " + address.getHostAddress() + ":" + port);
            if (limit != null) {
                millis = (int) Math.max(1, Math.min(millis, limit.toMillis()));
            }
            socket.connect(new InetSocketAddress(address, port), millis);
            socket.setSoTimeout(millis);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Connects to the first of a host's addresses that accepts, in the order the resolver gives them.
     *
     * @param host a host name or IP literal
     * @param port the port
     * @return the connected socket; the caller closes it
     * @throws IOException the last address's failure if none accepts, or the deadline
     */
    public Socket connect(String host, int port) throws IOException {
        IOException last = null;
        for (InetAddress address : addresses(host, port)) {
            try {
                return connect(address, port);
            } catch (DeadlineExceededException e) {
                throw e;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new UnknownHostException(host);
    }

    /**
     * Sets a socket's read timeout to the time left, so that a peer that drips bytes cannot stretch
     * the deadline; call it before each read of a protocol exchange.
     *
     * @param socket a connected socket
     * @throws DeadlineExceededException if no time is left
     * @throws IOException if the option cannot be set
     */
    public void armTimeout(Socket socket) throws IOException {
        socket.setSoTimeout(Deadlines.millisLeft(context, "an answer from " + socket.getInetAddress()));
    }

    /**
     * Sockets for a client library that connects itself (a mail library, a driver): each connects to
     * the first address this check's resolver gives for the host the library names ({@code --resolve}
     * and {@code --dns-server} apply), within the deadline, with Nagle's algorithm off; every read
     * times out at the deadline as it stands then; and each is closed when the check is cancelled.
     *
     * @return the factory, for this check only
     * @since 0.3
     */
    public SocketFactory socketFactory() {
        return new BoundSocketFactory(context, this, true);
    }

    /**
     * As {@link #socketFactory()}, but reads are left to the library's own timeouts: for a connection
     * that outlives this check, shared by later checks with deadlines of their own (a driver's
     * connection kept for a target's probes). The connect still ends at this check's deadline.
     *
     * @return the factory
     * @since 0.3
     */
    public SocketFactory socketFactoryForSharedConnection() {
        return new BoundSocketFactory(context, this, false);
    }

    /** @return TLS handshakes over any socket and the judgement of certificate chains */
    public TlsInspection tls() {
        return new TlsInspection(context, this);
    }

    /**
     * An HTTP client for this check: certificates verified against the system's roots and
     * {@code --ca-file}, host names resolved through {@link #resolver()} (an override for a host
     * applies to whichever port the client connects to, since okhttp resolves names without ports),
     * every call ending at the deadline and cancelled with the check, Preflight's User-Agent, no
     * redirects followed and no retries. Make it just before the calls: the deadline is fixed when it
     * is made.
     *
     * @return the client
     * @throws IOException if the deadline has passed or the extra CAs cannot be trusted
     */
    public OkHttpClient http() throws IOException {
        OkHttpClient.Builder builder = HttpClients.VERIFYING.newBuilder().dns(this::lookup);
        if (!context.network().extraTrustedCertificates().isEmpty()) {
            try {
                X509TrustManager trust = TrustStores.manager(context.network().extraTrustedCertificates());
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] {trust}, null);
                builder.sslSocketFactory(tls.getSocketFactory(), trust);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot trust the extra CA certificates: " + e.getMessage());
            }
        }
        return HttpClients.bind(builder.build(), context);
    }

    /**
     * Binds a client to this check: calls end at the deadline, are cancelled with the check, and carry
     * Preflight's User-Agent. For clients made by {@link #inspectingClient} and shared among a
     * target's probes, so that they reuse one connection.
     *
     * @param client a client
     * @return a bound copy sharing its connections
     * @throws IOException if the deadline has passed
     */
    public OkHttpClient http(OkHttpClient client) throws IOException {
        return HttpClients.bind(client, context);
    }

    /**
     * An unbound client that connects every host name to {@code address} and accepts any chain,
     * offering every protocol version and suite the JVM has: for probes that judge a site's answers
     * and, separately, its certificate. Record the chain with {@link TlsCapture}. Never send a secret
     * of the run over it; bind it with {@link #http(OkHttpClient)} before use.
     *
     * <p>Its connections stay in a pool of its own, apart from every other client's: whoever holds
     * the client closes them with {@code connectionPool().evictAll()} when done, so that a sweep of
     * many sites does not keep a socket and its TLS buffers open per site until they time out.
     *
     * @param address where to connect
     * @return the client, with a TLS session cache and a connection pool of its own
     * @throws IOException if the JVM has no TLS
     */
    public static OkHttpClient inspectingClient(InetAddress address) throws IOException {
        return HttpClients.INSPECTING.newBuilder().dns(host -> List.of(address)).connectionPool(new ConnectionPool())
                .sslSocketFactory(TrustAllCapture.newContext().getSocketFactory(), TrustAllCapture.INSTANCE)
                .addNetworkInterceptor(CaptureTls.INSTANCE).build();
    }

    /** @return the User-Agent every Preflight request carries */
    public static String userAgent() {
        return HttpClients.USER_AGENT;
    }

    private List<InetAddress> lookup(String host) throws UnknownHostException {
        List<InetAddress> overrides = context.network().overridesFor(host);
        if (!overrides.isEmpty()) {
            return overrides;
        }
        try {
            return resolver.addresses(host.toLowerCase(Locale.ROOT), 0);
        } catch (UnknownHostException e) {
            throw e;
        } catch (IOException e) {
            UnknownHostException unknown = new UnknownHostException(e.getMessage());
            unknown.initCause(e);
            throw unknown;
        }
    }
}
