package dev.preflight.email.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a server's EHLO reply advertises (RFC 5321 section 4.1.1.1): one keyword per line after the
 * first, with parameters, e.g. {@code STARTTLS}, {@code AUTH PLAIN LOGIN}, {@code SIZE 52428800}.
 * Keywords compare without case. Immutable.
 */
public final class EhloCapabilities {
    private final Map<String, List<String>> keywords;

    private EhloCapabilities(Map<String, List<String>> keywords) {
        this.keywords = keywords;
    }

    /**
     * @param reply a positive reply to EHLO
     * @return its capabilities; the first line is the server's name, not a keyword
     */
    public static EhloCapabilities of(SmtpReply reply) {
        Map<String, List<String>> keywords = new LinkedHashMap<>();
        for (String line : reply.lines().subList(Math.min(1, reply.lines().size()), reply.lines().size())) {
            String[] words = line.strip().split("[\\s=]+");
            if (words.length == 0 || words[0].isEmpty()) {
                continue;
            }
            List<String> parameters = new ArrayList<>();
            for (int i = 1; i < words.length; i++) {
                parameters.add(words[i].toUpperCase(Locale.ROOT));
            }
            // Old servers also send "AUTH=LOGIN"; merge it with the standard line.
            keywords.merge(words[0].toUpperCase(Locale.ROOT), List.copyOf(parameters), (a, b) -> {
                List<String> both = new ArrayList<>(a);
                b.stream().filter(p -> !both.contains(p)).forEach(both::add);
                return List.copyOf(both);
            });
        }
        return new EhloCapabilities(Map.copyOf(keywords));
    }

    /**
     * @param keyword e.g. {@code STARTTLS}, any case
     * @return whether the server advertises it
     */
    public boolean has(String keyword) {
        return keywords.containsKey(keyword.toUpperCase(Locale.ROOT));
    }

    /**
     * @param keyword e.g. {@code SIZE}, any case
     * @return its parameters, upper case, if advertised
     */
    public Optional<List<String>> parameters(String keyword) {
        return Optional.ofNullable(keywords.get(keyword.toUpperCase(Locale.ROOT)));
    }

    /** @return whether STARTTLS is offered */
    public boolean startTls() {
        return has("STARTTLS");
    }

    /** @return the SASL mechanisms AUTH offers, upper case, e.g. {@code [PLAIN, LOGIN]}; empty without AUTH */
    public List<String> authMechanisms() {
        return parameters("AUTH").orElse(List.of());
    }

    /** @return the keywords, upper case, sorted (a result's details stay the same from run to run) */
    public List<String> keywords() {
        return keywords.keySet().stream().sorted().toList();
    }
}
