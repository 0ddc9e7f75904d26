package dev.preflight.host.internal;

import dev.preflight.net.DeadlineExceededException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.util.Locale;

/** Reads what a failed connect threw as a port state. */
public final class ConnectOutcomes {

    private ConnectOutcomes() {
    }

    /**
     * @param e what the connect threw
     * @param hadFullLimit whether the attempt had its whole time limit, so that silence means a
     *     firewall dropped the packets rather than the deadline cutting the wait short
     * @return the state
     */
    public static PortState of(IOException e, boolean hadFullLimit) {
        if (e instanceof DeadlineExceededException) {
            return PortState.NOT_TRIED;
        }
        if (e instanceof SocketTimeoutException) {
            return hadFullLimit ? PortState.FILTERED : PortState.NOT_TRIED;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        // The JDK throws ConnectException for ENETUNREACH too ("Network is unreachable").
        if (e instanceof NoRouteToHostException || message.contains("unreachable") || message.contains("no route")) {
            return PortState.UNREACHABLE;
        }
        if (e instanceof ConnectException) {
            return PortState.REFUSED;
        }
        return PortState.UNREACHABLE;
    }
}
