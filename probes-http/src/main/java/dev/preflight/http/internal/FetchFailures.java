package dev.preflight.http.internal;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Sorts what a fetch threw while a probe asks a site many paths: the site is gone (every other
 * path would fail the same way), the deadline came (asking further is pointless), or only this path
 * got no answer (a reset, a malformed response), which says nothing about the others.
 */
public final class FetchFailures {

    private FetchFailures() {
    }

    /**
     * @param e what a fetch threw
     * @return whether the site as a whole cannot be reached: refused, unroutable, unresolvable, no TLS
     */
    public static boolean isSiteDown(Exception e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof UnknownHostException
                || e instanceof SSLHandshakeException;
    }

    /**
     * @param e what a fetch threw
     * @return whether it means the probe's deadline came
     */
    public static boolean isTimeout(Exception e) {
        return e instanceof SocketTimeoutException || e instanceof TimeoutException
                || e instanceof InterruptedIOException && "timeout".equals(e.getMessage());
    }
}
