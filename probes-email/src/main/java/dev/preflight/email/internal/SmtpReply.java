package dev.preflight.email.internal;

import java.util.List;

/**
 * One SMTP reply (RFC 5321 section 4.2): a three-digit code and its text lines, without the code
 * and separators. Immutable.
 *
 * @param code e.g. 250
 * @param lines the text after each line's code, e.g. {@code ["mail.example.com", "STARTTLS"]}
 */
public record SmtpReply(int code, List<String> lines) {

    /** Copies the lines. */
    public SmtpReply {
        lines = List.copyOf(lines);
    }

    /** @return whether the code is 2xx */
    public boolean isPositive() {
        return code / 100 == 2;
    }

    /** @return whether the code is 3xx: the server waits for more (a message, an AUTH response) */
    public boolean isIntermediate() {
        return code / 100 == 3;
    }

    /** @return the first line's text, e.g. {@code 5.7.8 Authentication credentials invalid} */
    public String text() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** @return e.g. {@code 535 5.7.8 Authentication credentials invalid}, for a summary */
    @Override
    public String toString() {
        String text = text();
        return text.isEmpty() ? String.valueOf(code) : code + " " + text;
    }
}
