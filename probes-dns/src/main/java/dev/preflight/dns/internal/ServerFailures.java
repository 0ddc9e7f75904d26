package dev.preflight.dns.internal;

import dev.preflight.net.DnsAnswer;
import dev.preflight.probe.Result;

/** The one wording of a DNS server that failed to answer (SERVFAIL): ERROR, never a verdict on the domain. */
public final class ServerFailures {

    private ServerFailures() {
    }

    /**
     * @param answer an answer whose outcome is {@link DnsAnswer.Outcome#SERVER_FAILURE}
     * @return e.g. {@code the DNS server could not answer TXT _dmarc.shop.test (SERVFAIL)}
     */
    public static String describe(DnsAnswer answer) {
        return "the DNS server could not answer " + answer.type() + " " + answer.name()
                + answer.reason().map(r -> " (" + r + ")").orElse("");
    }

    /**
     * @param answer an answer whose outcome is {@link DnsAnswer.Outcome#SERVER_FAILURE}
     * @return the ERROR result
     */
    public static Result error(DnsAnswer answer) {
        return Result.error(describe(answer), null);
    }
}
