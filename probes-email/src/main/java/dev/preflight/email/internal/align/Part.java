package dev.preflight.email.internal.align;

import dev.preflight.probe.Status;
import java.util.List;

/**
 * One of the three readings {@code smtp.sender-alignment} combines (spf, dkim, dmarc): its verdict,
 * one sentence saying why, the lines behind it, and the fix when it is not PASS. Immutable.
 *
 * @param name {@code spf}, {@code dkim} or {@code dmarc}
 * @param status its verdict
 * @param summary one sentence, e.g. {@code 192.0.2.7 gets fail from shop.example's SPF (matched -all)}
 * @param lines what was found, one line each, for the result's details
 * @param fix concrete advice, empty for PASS
 */
public record Part(String name, Status status, String summary, List<String> lines, String fix) {

    /** Copies the lines. */
    public Part {
        lines = List.copyOf(lines);
    }
}
