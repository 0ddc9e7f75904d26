package dev.preflight.db.redis.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.net.TlsInspection;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.SharedKey;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLSocket;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The one connection to a Redis target that all its probes share in a run, closed when the run ends.
 *
 * <p>Opening it connects through the network layer ({@code --resolve} honoured, bounded by the
 * opening probe's deadline), shakes hands for {@code rediss://} accepting any chain (the chain is kept
 * for {@code redis.tls} to judge), sends one {@code PING} before logging in (does the server refuse
 * strangers?), then logs in with the target's credentials. It withholds the credentials when the
 * certificate fails the shared TLS judgement (untrusted, wrong name, expired): a client that verifies
 * would not have sent them either.
 *
 * <p>Jedis' {@link Connection} is not thread-safe, and a target's probes may run at once, so commands
 * take turns; each is bounded by its own probe's deadline, both waiting for its turn and reading the
 * answer. Only the commands of {@link ReadOnlyCommands} are sent. A connection that broke or timed
 * out is not used again: the stream may be out of step.
 */
public final class RedisSession implements AutoCloseable {
    private static final JedisClientConfig CLIENT = DefaultJedisClientConfig.builder()
            // No HELLO and no CLIENT SETINFO: the probes send nothing but their own commands, the first
            // of them the PING before any login, over RESP2 (Jedis would otherwise negotiate RESP3).
            .autoNegotiateProtocol(false)
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
            .build();

    private final RedisEndpoint endpoint;
    private final Socket socket;
    private final Connection connection;
    private final TlsSession tls;
    private final Reply anonymousPing;
    private final Reply login;
    private final boolean credentialsWithheld;
    private final ReentrantLock turn = new ReentrantLock();
    /** Why the connection may not be used again; guarded by {@link #turn}. */
    private String lost;
    /** The thread whose command is on the wire, if any. */
    private volatile Thread speaking;

    private RedisSession(RedisEndpoint endpoint, Socket socket, Connection connection, TlsSession tls,
            Reply anonymousPing, Reply login, boolean credentialsWithheld) {
        this.endpoint = endpoint;
        this.socket = socket;
        this.connection = connection;
        this.tls = tls;
        this.anonymousPing = anonymousPing;
        this.login = login;
        this.credentialsWithheld = credentialsWithheld;
    }

    /**
     * The target's session, opened by the first probe that asks.
     *
     * @param context the asking probe's context
     * @param endpoint the target's endpoint
     * @return the shared session
     * @throws Exception an {@link IOException} if the server cannot be reached, does not answer in
     *     time or fails the TLS handshake; what {@link ProbeContext#shared} throws
     */
    public static RedisSession shared(ProbeContext context, RedisEndpoint endpoint) throws Exception {
        SharedKey<RedisSession> key = SharedKey.perTarget(
                "redis.session@" + endpoint.address() + (endpoint.tls() ? " tls" : ""), RedisSession.class);
        return context.shared(key, () -> open(context, endpoint));
    }

    private static RedisSession open(ProbeContext context, RedisEndpoint endpoint) throws IOException {
        Network network = Network.of(context);
        Socket plain = network.connect(endpoint.host(), endpoint.port());
        try {
            Socket socket = plain;
            TlsSession tls = null;
            boolean trusted = true;
            if (endpoint.tls()) {
                SSLSocket secured = network.tls().upgrade(plain, endpoint.host());
                socket = secured;
                tls = TlsInspection.sessionOf(secured);
                // Thresholds of 0 days: only what makes a verifying client refuse withholds the password.
                trusted = !tls.chain().isEmpty()
                        && network.tls().judge(endpoint.host(), tls.chain(), 0, 0).status() != Status.FAIL;
            }
            Connection connection = connection(socket);
            Reply ping = execute(connection, context, "PING");
            Reply login = null;
            if (endpoint.hasCredentials() && trusted) {
                login = execute(connection, context, authArguments(endpoint));
            }
            return new RedisSession(endpoint, socket, connection, tls, ping, login,
                    endpoint.hasCredentials() && !trusted);
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static Connection connection(Socket socket) throws IOException {
        try {
            return new Connection(onlyOnce(socket), CLIENT);
        } catch (JedisConnectionException e) {
            throw asIoException(e);
        }
    }

    /** Jedis asks its factory again after a failure; the one socket must not be handed out twice. */
    private static JedisSocketFactory onlyOnce(Socket socket) {
        AtomicBoolean used = new AtomicBoolean();
        return () -> {
            if (used.getAndSet(true)) {
                throw new JedisConnectionException("the connection is closed");
            }
            return socket;
        };
    }

    private static String[] authArguments(RedisEndpoint endpoint) {
        List<String> args = new ArrayList<>();
        args.add("AUTH");
        endpoint.user().ifPresent(args::add);
        args.add(endpoint.password().orElseThrow().reveal());
        return args.toArray(String[]::new);
    }

    /**
     * Sends one read-only command as the logged-in user and reads the answer, waiting for this
     * probe's turn on the connection.
     *
     * @param context the calling probe's context, whose deadline bounds the wait and the read
     * @param args the command and its arguments, e.g. {@code INFO persistence}
     * @return the value or the error reply
     * @throws IOException if the connection fails, was lost earlier, or the deadline comes first
     * @throws InterruptedException if the probe is cancelled while waiting for its turn
     * @throws IllegalArgumentException for a command not in the read-only list (a bug)
     */
    public Reply call(ProbeContext context, String... args) throws IOException, InterruptedException {
        ReadOnlyCommands.require(args);
        long wait = context.remaining().toNanos();
        if (wait <= 0 || !turn.tryLock(wait, TimeUnit.NANOSECONDS)) {
            throw new DeadlineExceededException("still waiting for the connection to " + endpoint.address()
                    + " at the deadline");
        }
        try {
            if (lost != null) {
                throw new IOException("the connection was lost earlier in this run (" + lost + ")");
            }
            // The read timeout bounds each read, not the answer: a server that drips bytes could
            // outlast the deadline. Cancelling this probe then closes the connection, but only while
            // this probe's own command is on it, never another probe's.
            Thread self = Thread.currentThread();
            speaking = self;
            context.onCancel(() -> {
                if (speaking == self) {
                    socket.close();
                }
            });
            try {
                return execute(connection, context, args);
            } catch (IOException e) {
                lost = NetworkFailures.describe(e, endpoint.address());
                throw e;
            } finally {
                speaking = null;
            }
        } finally {
            turn.unlock();
        }
    }

    private static Reply execute(Connection connection, ProbeContext context, String... args) throws IOException {
        ReadOnlyCommands.require(args);
        Duration left = context.remaining();
        if (left.isZero() || left.isNegative()) {
            throw new DeadlineExceededException("no time left before the deadline for " + args[0]);
        }
        CommandArguments command = new CommandArguments(() -> args[0].getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i < args.length; i++) {
            command.add(args[i]);
        }
        try {
            connection.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left.toMillis())));
            return Reply.value(connection.executeCommand(command));
        } catch (JedisDataException e) {
            return Reply.error(e.getMessage());
        } catch (JedisConnectionException e) {
            throw asIoException(e);
        } catch (RuntimeException e) {
            // Jedis' parser meeting bytes that are not RESP, e.g. a bulk length that is not a number.
            throw new MalformedReplyException(args[0] + " got a reply that is not RESP", e);
        }
    }

    /**
     * The I/O failure beneath Jedis' wrapper, so that a timeout reads as one ({@link NetworkFailures});
     * Jedis' words for bytes that are not RESP become a {@link MalformedReplyException}.
     */
    private static IOException asIoException(JedisConnectionException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        String message = e.getMessage() == null ? "the connection failed" : e.getMessage();
        if (message.startsWith("Unknown reply") || message.startsWith("Bulk reply length")) {
            return new MalformedReplyException(message, e);
        }
        return new IOException(message, e);
    }

    /** @return where the session is connected */
    public RedisEndpoint endpoint() {
        return endpoint;
    }

    /** @return the TLS session as the server offered it, for {@code rediss://}; empty for plaintext */
    public Optional<TlsSession> tls() {
        return Optional.ofNullable(tls);
    }

    /** @return what the server answered to {@code PING} before any login */
    public Reply anonymousPing() {
        return anonymousPing;
    }

    /** @return what the server answered to {@code AUTH}; empty without credentials or when they were withheld */
    public Optional<Reply> login() {
        return Optional.ofNullable(login);
    }

    /** @return whether the target has credentials that were not sent because the certificate failed */
    public boolean credentialsWithheld() {
        return credentialsWithheld;
    }

    /**
     * @return why commands cannot run as the configured user (then nothing beyond the login can be
     *     checked), or empty when they can: logged in, or no credentials and strangers are let in
     */
    public Optional<String> noAccess() {
        if (credentialsWithheld) {
            return Optional.of("the credentials were not sent: the server's certificate fails the TLS judgement"
                    + " (see redis.tls)");
        }
        if (login != null && !login.ok()) {
            return anonymousPing.ok() ? Optional.empty()
                    : Optional.of("the configured credentials were refused (" + login.code().orElse("ERR")
                            + "; see redis.auth)");
        }
        if (login == null && !anonymousPing.ok()) {
            return Optional.of(anonymousPing.is("NOAUTH")
                    ? "the server requires a password and the target gives none (see redis.auth)"
                    : "the server refused an unauthenticated PING (" + anonymousPing.code().orElse("ERR") + ")");
        }
        return Optional.empty();
    }

    /** Closes the connection; a command of another probe still running fails at once. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
