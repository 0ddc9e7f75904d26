package dev.preflight.net;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns what a network call threw into one sentence for an ERROR result: a timeout, a refusal, a
 * reset, a name that does not resolve, a TLS alert. The same words for every probe family.
 *
 * <pre>{@code
 * } catch (IOException e) {
 *     return Result.error(NetworkFailures.describe(e, "mail.example.com:587 (10.0.0.2)"), e);
 * }
 * }</pre>
 *
 * @since 0.2
 */
public final class NetworkFailures {
    private static final String ALERT_PREFIX = "Received fatal alert: ";
    /** JDK 17 and 25: "The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]". */
    private static final Pattern SELECTED_VERSION =
            Pattern.compile("selected protocol version (TLS1[0-3]|SSL[23]|TLSv1\\.?[0-3]?)");

    private NetworkFailures() {
    }

    /**
     * @param e what the call threw
     * @param endpoint what was being reached, e.g. {@code shop.example.com:443 (10.0.0.2)}
     * @return e.g. {@code cannot connect to shop.example.com:443 (10.0.0.2): connection refused}
     */
    public static String describe(Exception e, String endpoint) {
        if (e instanceof UnknownHostException) {
            return "cannot resolve " + endpoint + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (e instanceof ConnectException) {
            return "cannot connect to " + endpoint + ": connection refused";
        }
        if (e instanceof NoRouteToHostException) {
            return "cannot reach " + endpoint + ": no route to host";
        }
        if (isTimeout(e)) {
            return "no answer from " + endpoint + " before the deadline";
        }
        if (e instanceof SSLException ssl) {
            return "TLS handshake with " + endpoint + " failed: " + refusedProtocol(ssl).orElseGet(() -> tlsReason(ssl));
        }
        if (isReset(e)) {
            return "no answer from " + endpoint + ": the connection was reset";
        }
        if (e instanceof EOFException) {
            return "no answer from " + endpoint + ": the connection was closed";
        }
        if (e instanceof IOException) {
            return "no answer from " + endpoint + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
        return "cannot check " + endpoint + ": " + e;
    }

    /**
     * @param e what a call threw
     * @return whether it means the deadline came: nothing is known about the target then
     */
    public static boolean isTimeout(Exception e) {
        return e instanceof SocketTimeoutException || e instanceof TimeoutException
                || e instanceof DeadlineExceededException
                || e instanceof InterruptedIOException && "timeout".equals(e.getMessage());
    }

    /**
     * @param e what a call threw
     * @return whether the host as a whole cannot be reached (refused, unroutable, unresolvable, no
     *     TLS), so that asking it again for another path or command is pointless
     */
    public static boolean isUnreachable(Exception e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException
                || e instanceof SSLHandshakeException;
    }

    /**
     * @param e what a TLS handshake threw
     * @return the TLS alert the peer sent, e.g. {@code alert 40 handshake_failure}, else the JDK's words
     */
    public static String tlsReason(SSLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // JDK 17 says "Received fatal alert: protocol_version", JDK 25 puts "(protocol_version) " in front.
        int alert = message.indexOf(ALERT_PREFIX);
        if (alert >= 0) {
            String name = message.substring(alert + ALERT_PREFIX.length()).strip().split("\\s+")[0];
            return "alert " + TlsAlerts.describe(name);
        }
        return message;
    }

    /**
     * Whether a handshake failed because the server and this JVM share no protocol version: the server
     * speaks only versions the JVM refuses as insecure (TLS 1.0 or 1.1, disabled since JDK 16), or
     * only newer ones.
     *
     * @param e what a TLS handshake threw
     * @return the explanation, or empty for any other failure
     */
    public static Optional<String> refusedProtocol(SSLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher selected = SELECTED_VERSION.matcher(message);
        if (selected.find()) {
            String version = selected.group(1).replace("TLS1", "TLS 1.").replace("SSL", "SSL ");
            return Optional.of("the server speaks only " + version + ", which this JVM refuses as insecure"
                    + " (tls.protocols reports the versions it accepts)");
        }
        if (message.contains("protocol_version") || message.contains("No appropriate protocol")) {
            return Optional.of("the server accepts none of the TLS versions this JVM offers (alert 70"
                    + " protocol_version): it likely speaks only TLS 1.1 or older (tls.protocols reports which)");
        }
        return Optional.empty();
    }

    private static boolean isReset(Exception e) {
        return e instanceof SocketException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("reset");
    }
}
