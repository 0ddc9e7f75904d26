package dev.preflight.http.internal;

import dev.preflight.net.TlsAlerts;
/**
 * The server's first answer to a hand-built ClientHello.
 *
 * @param kind what came back
 * @param version for a ServerHello, the version chosen (from supported_versions when present)
 * @param suite for a ServerHello, the cipher suite chosen
 * @param reason for anything else, what happened, e.g. {@code alert 70 protocol_version}
 */
public record HelloReply(Kind kind, int version, int suite, String reason) {

    /** What came back. */
    public enum Kind {
        /** A ServerHello: the server accepted the hello. */
        SERVER_HELLO,
        /** A fatal alert: the server refused it. */
        ALERT,
        /** The connection ended without a ServerHello. */
        CLOSED,
        /** Something that is not a well-formed ServerHello or alert. */
        MALFORMED
    }

    /**
     * @param version the version chosen
     * @param suite the suite chosen
     * @return a ServerHello reply
     */
    public static HelloReply serverHello(int version, int suite) {
        return new HelloReply(Kind.SERVER_HELLO, version, suite, "ServerHello");
    }

    /**
     * @param description the alert description code
     * @return an alert reply
     */
    public static HelloReply alert(int description) {
        return new HelloReply(Kind.ALERT, 0, 0, "alert " + TlsAlerts.describe(description));
    }

    /**
     * @param reason how the connection ended
     * @return a closed reply
     */
    public static HelloReply closed(String reason) {
        return new HelloReply(Kind.CLOSED, 0, 0, reason);
    }

    /**
     * @param reason what was wrong with the reply
     * @return a malformed reply
     */
    public static HelloReply malformed(String reason) {
        return new HelloReply(Kind.MALFORMED, 0, 0, reason);
    }
}
