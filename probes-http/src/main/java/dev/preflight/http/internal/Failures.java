package dev.preflight.http.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Says in one line why a request had no answer, without the exception class soup. */
public final class Failures {

    private Failures() {
    }

    /**
     * @param e what the client threw
     * @param endpoint what was being reached, e.g. {@code shop.example.com:443 (10.0.0.2)}
     * @return a summary for an ERROR result
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
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException
                || e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
            return "no answer from " + endpoint + " before the deadline";
        }
        if (e instanceof SSLException) {
            return "TLS handshake with " + endpoint + " failed: " + e.getMessage();
        }
        if (e instanceof IOException) {
            return "no answer from " + endpoint + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
        return "cannot check " + endpoint + ": " + e;
    }
}
