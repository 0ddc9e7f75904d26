package dev.preflight.http.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a {@link Burst} met, and when it stopped. Immutable.
 *
 * @param ending why the burst stopped
 * @param requested how many requests the burst was allowed
 * @param sent how many were sent
 * @param answered how many got a response
 * @param served how many got a response that was neither a limit nor a server error
 * @param statuses how many responses of each status
 * @param limitStatus the status of the first limited response, or 0
 * @param retryAfter its {@code Retry-After} as sent, or null
 * @param serverErrorStatus the first 5xx without {@code Retry-After}, or 0
 * @param serverErrorAt which response, counting from 1, was that 5xx; 0 if none
 * @param failure the first request that had no answer, or null
 * @param elapsed from the first request to the ending
 */
public record BurstOutcome(Ending ending, int requested, int sent, int answered, int served,
        SortedMap<Integer, Integer> statuses, int limitStatus, String retryAfter, int serverErrorStatus,
        int serverErrorAt, Exception failure, Duration elapsed) {

    /** Why a burst stopped. */
    public enum Ending {
        /** A response said the client is limited: a 429, or any response with {@code Retry-After}. */
        LIMITED,
        /** A 5xx without {@code Retry-After}: the service failed rather than limit. */
        SERVER_ERROR,
        /** A request had no answer: refused, reset, TLS failure. */
        FAILED,
        /** The probe's deadline came first. */
        DEADLINE,
        /** Every request was answered, none limited. */
        COMPLETED
    }

    /** Copies the status counts. */
    public BurstOutcome {
        statuses = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(statuses));
    }

    /**
     * @return the number of the request the limit met, counting the requests served before it: with
     *     ten served and then a 429, request 11; meaningful only when {@link Ending#LIMITED}
     */
    public int limitedAt() {
        return served + 1;
    }

    /** @return the status counts as {@code 200 × 10}, for details */
    public List<String> statusCounts() {
        return statuses.entrySet().stream().map((Map.Entry<Integer, Integer> e) -> e.getKey() + " × " + e.getValue())
                .toList();
    }
}
