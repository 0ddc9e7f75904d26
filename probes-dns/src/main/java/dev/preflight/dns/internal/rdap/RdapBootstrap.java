package dev.preflight.dns.internal.rdap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DNS bootstrap registry of RFC 9224, as IANA publishes it at {@link #IANA_URL}: which RDAP base
 * URLs serve which domain suffixes. A domain is served by the entry that matches the most of its
 * right-most labels (section 4: {@code co.uk} before {@code uk}); among that entry's URLs, https ones
 * come first (section 3 and RFC 7481 3: clients should prefer https).
 *
 * @param services each service's entries (lower case, no dots at the ends) and base URLs, in file order
 * @param publication the file's {@code publication} member, or null
 */
public record RdapBootstrap(List<Service> services, String publication) {
    /** Where IANA publishes the registry. */
    public static final String IANA_URL = "https://data.iana.org/rdap/dns.json";

    /**
     * One service: the suffixes it answers for and its base URLs.
     *
     * @param entries domain suffixes, e.g. {@code com} or {@code co.uk}
     * @param urls base URLs, as the file gives them
     */
    public record Service(List<String> entries, List<String> urls) {
    }

    /**
     * The service chosen for a domain.
     *
     * @param entry the suffix that matched, e.g. {@code uk}
     * @param urls its base URLs, https first, each ending in {@code /}
     */
    public record Match(String entry, List<String> urls) {
        /** @return the first https base URL, if any */
        public Optional<String> https() {
            return urls.stream().filter(u -> u.toLowerCase(Locale.ROOT).startsWith("https://")).findFirst();
        }
    }

    /**
     * @param body the file's bytes
     * @return the registry
     * @throws MalformedRdapException if it is not JSON or its {@code services} are not shaped as RFC 9224 section 3 says
     */
    public static RdapBootstrap parse(byte[] body) throws MalformedRdapException {
        JsonNode root = RdapJson.read(body);
        if (!root.isObject() || !root.path("services").isArray()) {
            throw new MalformedRdapException("the bootstrap file has no 'services' array");
        }
        List<Service> services = new ArrayList<>();
        int index = 0;
        for (JsonNode service : root.get("services")) {
            if (!service.isArray() || service.size() < 2) {
                throw new MalformedRdapException("bootstrap service " + index + " is not [[entries], [urls]]");
            }
            List<String> entries = strings(service.get(0), "bootstrap service " + index + "'s entries");
            List<String> urls = strings(service.get(1), "bootstrap service " + index + "'s URLs");
            services.add(new Service(entries.stream().map(RdapBootstrap::normalise).toList(), urls));
            index++;
        }
        JsonNode publication = root.get("publication");
        return new RdapBootstrap(List.copyOf(services), publication != null && publication.isTextual()
                ? publication.asText() : null);
    }

    private static List<String> strings(JsonNode array, String what) throws MalformedRdapException {
        if (!array.isArray()) {
            throw new MalformedRdapException(what + " are not an array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                throw new MalformedRdapException(what + " hold a non-string: " + item);
            }
            out.add(item.asText());
        }
        return out;
    }

    private static String normalise(String label) {
        String lower = label.strip().toLowerCase(Locale.ROOT);
        while (lower.startsWith(".")) {
            lower = lower.substring(1);
        }
        while (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        return lower;
    }

    /**
     * @param domain a domain name in A-labels, e.g. {@code shop.example.co.uk}
     * @return the service of the longest matching suffix, if any
     */
    public Optional<Match> serviceFor(String domain) {
        String name = normalise(domain);
        Match best = null;
        for (Service service : services) {
            for (String entry : service.entries()) {
                boolean matches = !entry.isEmpty() && (name.equals(entry) || name.endsWith("." + entry));
                if (matches && (best == null || labels(entry) > labels(best.entry()))) {
                    best = new Match(entry, ordered(service.urls()));
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static int labels(String entry) {
        return entry.split("\\.").length;
    }

    private static List<String> ordered(List<String> urls) {
        return urls.stream().map(u -> u.endsWith("/") ? u : u + "/")
                .sorted(Comparator.comparing(u -> u.toLowerCase(Locale.ROOT).startsWith("https://") ? 0 : 1))
                .toList();
    }
}
