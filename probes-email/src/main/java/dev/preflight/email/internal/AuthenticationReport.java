package dev.preflight.email.internal;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The receiving side's verdict among a delivered message's {@code Authentication-Results} headers.
 * Servers add theirs on top (RFC 8601 section 5), so the topmost is the last hop's, the mailbox
 * provider's; a header whose server id is the mailbox's host, or shares its domain (its last two
 * labels), wins over the topmost. A malformed header is left out with a note, never trusted.
 *
 * @param chosen the header read, if any could be
 * @param notes what was left out and why, or that there was none
 */
public record AuthenticationReport(Optional<AuthenticationResults> chosen, List<String> notes) {

    /**
     * @param values the header values in the message's order, topmost first
     * @param mailboxHost the IMAP host the message was read from
     * @return the reading
     */
    public static AuthenticationReport of(List<String> values, String mailboxHost) {
        List<String> notes = new ArrayList<>();
        if (values.isEmpty()) {
            notes.add("the message carries no Authentication-Results header: the receiving server does not add one,"
                    + " so SPF, DKIM and DMARC were not reported");
            return new AuthenticationReport(Optional.empty(), List.copyOf(notes));
        }
        List<AuthenticationResults> parsed = new ArrayList<>();
        for (String value : values) {
            try {
                parsed.add(AuthenticationResults.parse(value));
            } catch (ParseException e) {
                notes.add("an Authentication-Results header is malformed (" + e.getMessage() + ") and was ignored");
            }
        }
        if (parsed.isEmpty()) {
            notes.add("no Authentication-Results header could be read: SPF, DKIM and DMARC were not reported");
            return new AuthenticationReport(Optional.empty(), List.copyOf(notes));
        }
        String domain = domainOf(mailboxHost);
        AuthenticationResults chosen = parsed.stream()
                .filter(r -> r.authservId().map(id -> id.equals(mailboxHost.toLowerCase(Locale.ROOT))
                        || domainOf(id).equals(domain)).orElse(false))
                .findFirst().orElse(parsed.get(0));
        return new AuthenticationReport(Optional.of(chosen), List.copyOf(notes));
    }

    private static String domainOf(String host) {
        String[] labels = host.toLowerCase(Locale.ROOT).split("\\.");
        return labels.length <= 2 ? String.join(".", labels)
                : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
