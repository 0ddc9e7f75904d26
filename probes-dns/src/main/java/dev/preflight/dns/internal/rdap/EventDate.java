package dev.preflight.dns.internal.rdap;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * An RDAP {@code eventDate} (RFC 9083 4.5): an RFC 3339 date and time. Registries that leave out the
 * offset, or send a date alone, are read as UTC, which moves a date by hours, not days; the text is
 * kept to show as sent.
 *
 * @param instant the moment
 * @param text the date as the registry sent it
 */
public record EventDate(Instant instant, String text) {

    /**
     * @param action the event's eventAction, for the message
     * @param value the eventDate member
     * @return the date
     * @throws MalformedRdapException if it is missing or no date
     */
    public static EventDate parse(String action, JsonNode value) throws MalformedRdapException {
        if (!value.isTextual()) {
            throw new MalformedRdapException("the '" + action + "' event has no eventDate string");
        }
        String text = value.asText().strip();
        String upper = text.toUpperCase(Locale.ROOT); // RFC 3339 5.6 allows a lower-case t and z
        try {
            return new EventDate(OffsetDateTime.parse(upper).toInstant(), text);
        } catch (DateTimeParseException e) {
            // Fall through to the forms some registries send.
        }
        try {
            return new EventDate(LocalDateTime.parse(upper).toInstant(ZoneOffset.UTC), text);
        } catch (DateTimeParseException e) {
            // Fall through.
        }
        try {
            return new EventDate(LocalDate.parse(upper).atStartOfDay(ZoneOffset.UTC).toInstant(), text);
        } catch (DateTimeParseException e) {
            String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            throw new MalformedRdapException("the eventDate of '" + action + "' is not an RFC 3339 date: '"
                    + shown + "'");
        }
    }

    /** @return the date alone, e.g. {@code 2028-09-14}, in UTC */
    public String day() {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
