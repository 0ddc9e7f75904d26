package dev.preflight.email.internal;

import java.io.IOException;

/**
 * The server answered a command with a negative reply where the conversation cannot go on (EHLO,
 * STARTTLS): a verdict on the server, with its reply to report.
 */
public final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient SmtpReply reply;

    RefusedException(String command, SmtpReply reply) {
        super(command + " refused: " + reply);
        this.reply = reply;
    }

    /** @return the server's reply */
    public SmtpReply reply() {
        return reply;
    }
}
