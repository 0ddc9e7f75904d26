package dev.preflight.dns;

/**
 * The seven results of RFC 7208 {@code check_host()} (section 2.6), as {@link SpfEvaluator} returns
 * them. Only {@link #PASS} says the domain authorises the client; every other result, including the
 * two errors, means it does not (or could not be told).
 *
 * @since 0.3
 */
public enum SpfResult {
    /** No SPF record at the domain, or the domain is not a valid name or does not exist (2.6.1). */
    NONE,
    /** The record says nothing about the client: {@code ?} matched, or nothing matched (2.6.2). */
    NEUTRAL,
    /** The client is authorised: a {@code +} mechanism matched (2.6.3). */
    PASS,
    /** The client is not authorised: a {@code -} mechanism matched (2.6.4). */
    FAIL,
    /** The client is probably not authorised: a {@code ~} mechanism matched (2.6.5). */
    SOFTFAIL,
    /** A DNS server failed (SERVFAIL, or could not be asked); asking later may succeed (2.6.6). */
    TEMPERROR,
    /**
     * The domain's records cannot be evaluated: malformed, several records, more than 10 lookups or
     * 2 void lookups, an include or redirect to a domain without a record (2.6.7).
     */
    PERMERROR
}
