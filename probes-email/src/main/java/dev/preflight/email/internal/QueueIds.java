package dev.preflight.email.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queue id in a server's acceptance of a message (its reply to the end of DATA), in the shapes
 * the common servers give it: Postfix and SendGrid {@code 250 2.0.0 Ok: queued as 4F2C1}, Exim
 * {@code 250 OK id=1rA2bC-000123-4D}, Sendmail {@code 250 2.0.0 3B4C5D6E012345 Message accepted for
 * delivery}, Gmail {@code 250 2.0.0 OK  1733480000 af79cd13-20020a.123 - gsmtp}, Microsoft
 * {@code 250 2.6.0 <id@host> [InternalId=…] Queued mail for delivery}, Amazon SES
 * {@code 250 Ok 0100018c5f7e5a2b-…-000000}. A reply without one (Mailgun's {@code 250 Great success})
 * has none.
 */
public final class QueueIds {
    /** The reply code and RFC 3463 enhanced status code in front of the text. */
    private static final Pattern CODES = Pattern.compile("^\\d{3}[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s+)?");
    private static final List<Pattern> SHAPES = List.of(
            Pattern.compile("queued as\\s+([^\\s;,]+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\bid=([^\\s;,]+)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(\\S+)\\s+Message accepted for delivery", Pattern.CASE_INSENSITIVE),
            Pattern.compile("(\\S+)\\s+-\\s+gsmtp"),
            Pattern.compile("^(?:OK\\s+)?<([^>\\s]+)>", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^Ok\\s+([0-9a-f]{16,}-[0-9a-f-]+)$", Pattern.CASE_INSENSITIVE));

    private QueueIds() {
    }

    /**
     * @param reply the server's reply as received, e.g. {@code 250 2.0.0 Ok: queued as 4F2C1}
     * @return the queue id, if the reply has one in a known shape
     */
    public static Optional<String> of(String reply) {
        String text = CODES.matcher(reply.strip()).replaceFirst("").strip();
        for (Pattern shape : SHAPES) {
            Matcher m = shape.matcher(text);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }
}
