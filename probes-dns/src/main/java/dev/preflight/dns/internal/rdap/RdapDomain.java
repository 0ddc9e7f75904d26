package dev.preflight.dns.internal.rdap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a domain object of RFC 9083 (section 5.3) says about a registration: its dates (events,
 * section 4.5), its status values (section 4.6, with the EPP statuses mapped as RFC 8056 says), its
 * registrar (the entity with role {@code registrar}, its vCard {@code fn}) and its name servers.
 *
 * @param ldhName the name the object is for, lower case, or null when absent
 * @param expiration the {@code expiration} event, or null when the registry publishes none
 * @param registration the {@code registration} event, or null
 * @param lastChanged the {@code last changed} event, or null
 * @param statuses the status values, lower case, in order
 * @param hasStatus whether the object has a {@code status} member at all
 * @param registrar the registrar's name, or null
 * @param registrarId the registrar's IANA id, or null
 * @param nameservers the name servers' names, lower case
 */
public record RdapDomain(String ldhName, EventDate expiration, EventDate registration, EventDate lastChanged,
        List<String> statuses, boolean hasStatus, String registrar, String registrarId, List<String> nameservers) {

    /**
     * @param body the answer's bytes
     * @return the domain
     * @throws MalformedRdapException if the body is not JSON, not a domain object, or an event date of
     *     {@code expiration} does not parse
     */
    public static RdapDomain parse(byte[] body) throws MalformedRdapException {
        JsonNode root = RdapJson.read(body);
        if (!root.isObject()) {
            throw new MalformedRdapException("the answer is not a JSON object");
        }
        String objectClass = root.path("objectClassName").asText(null);
        if (objectClass == null && root.has("errorCode")) {
            throw new MalformedRdapException("the answer is an error object (errorCode " + root.get("errorCode")
                    + "), not a domain");
        }
        if (objectClass != null && !objectClass.equals("domain")) {
            throw new MalformedRdapException("the answer is a '" + objectClass + "' object, not a domain");
        }
        String ldhName = root.path("ldhName").isTextual() ? strip(root.get("ldhName").asText()) : null;
        EventDate expiration = null;
        EventDate registration = null;
        EventDate lastChanged = null;
        JsonNode events = root.path("events");
        if (!events.isMissingNode() && !events.isArray()) {
            throw new MalformedRdapException("'events' is not an array");
        }
        for (JsonNode event : events) {
            String action = event.path("eventAction").asText("").toLowerCase(Locale.ROOT);
            switch (action) {
                case "expiration" -> expiration = earliest(expiration, EventDate.parse(action, event.path("eventDate")));
                case "registration" -> registration = lenient(action, event, registration);
                case "last changed" -> lastChanged = lenient(action, event, lastChanged);
                default -> {
                    // Transfers, RDAP database updates and the like say nothing about renewal.
                }
            }
        }
        List<String> statuses = new ArrayList<>();
        JsonNode status = root.path("status");
        if (!status.isMissingNode() && !status.isArray()) {
            throw new MalformedRdapException("'status' is not an array");
        }
        status.forEach(s -> {
            if (s.isTextual()) {
                statuses.add(s.asText().strip().toLowerCase(Locale.ROOT));
            }
        });
        JsonNode registrar = registrarEntity(root.path("entities"));
        List<String> nameservers = new ArrayList<>();
        root.path("nameservers").forEach(ns -> {
            if (ns.path("ldhName").isTextual()) {
                nameservers.add(strip(ns.get("ldhName").asText()));
            }
        });
        return new RdapDomain(ldhName, expiration, registration, lastChanged, List.copyOf(statuses), status.isArray(),
                registrar == null ? null : vcardName(registrar), registrar == null ? null : ianaId(registrar),
                List.copyOf(nameservers));
    }

    /** Several expiration events would be odd; the earliest is the one that cannot be missed. */
    private static EventDate earliest(EventDate known, EventDate found) {
        return known == null || found.instant().isBefore(known.instant()) ? found : known;
    }

    /** Dates shown only as details: one that does not parse is left out rather than refusing the answer. */
    private static EventDate lenient(String action, JsonNode event, EventDate known) {
        try {
            return known != null ? known : EventDate.parse(action, event.path("eventDate"));
        } catch (MalformedRdapException e) {
            return known;
        }
    }

    private static JsonNode registrarEntity(JsonNode entities) {
        for (JsonNode entity : entities) {
            for (JsonNode role : entity.path("roles")) {
                if ("registrar".equalsIgnoreCase(role.asText())) {
                    return entity;
                }
            }
        }
        return null;
    }

    /** jCard (RFC 7095): ["vcard", [["fn", {}, "text", "Example Registrar Inc."], ...]]. */
    private static String vcardName(JsonNode entity) {
        for (JsonNode property : entity.path("vcardArray").path(1)) {
            if ("fn".equalsIgnoreCase(property.path(0).asText()) && property.path(3).isTextual()) {
                String name = property.path(3).asText().strip();
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }

    private static String ianaId(JsonNode entity) {
        for (JsonNode id : entity.path("publicIds")) {
            if ("IANA Registrar ID".equalsIgnoreCase(id.path("type").asText()) && id.path("identifier").isValueNode()) {
                return id.path("identifier").asText();
            }
        }
        return null;
    }

    private static String strip(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    }
}
