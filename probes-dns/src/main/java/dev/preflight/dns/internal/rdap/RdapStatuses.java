package dev.preflight.dns.internal.rdap;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What RDAP status values (RFC 9083 10.2.2; EPP statuses of RFC 5731 mapped by RFC 8056) mean for
 * the domain's owner: whether the domain is locked against transfer, and whether it is about to be
 * lost or is already out of the DNS.
 */
public final class RdapStatuses {
    /** Any of these keeps the domain at its registrar until the owner lifts it. */
    public static final List<String> TRANSFER_LOCKS = List.of("client transfer prohibited",
            "server transfer prohibited", "transfer prohibited");

    /** Statuses that mean the domain is being lost or does not resolve, with why. */
    private static final Map<String, String> LOSING = Map.of(
            "redemption period", "is in its redemption period: it has expired or been deleted and stops"
                    + " resolving; only the registrar can still restore it, for a fee",
            "pending restore", "is being restored from its redemption period",
            "pending delete", "is pending deletion: it will be released for anyone to register",
            "client hold", "is on hold at the registrar (client hold): it is not published in the DNS",
            "server hold", "is on hold at the registry (server hold): it is not published in the DNS");

    private static final Map<String, String> FIXES = Map.of(
            "pending restore", "Confirm the restore with your registrar and renew the domain.",
            "client hold", "Ask your registrar why the domain is on hold (unpaid renewal, unverified contact"
                    + " details, an abuse report) and have it lifted.",
            "server hold", "Ask your registrar why the registry holds the domain and have it lifted.");

    private RdapStatuses() {
    }

    /** @param statuses lower-case status values @return whether one locks the domain against transfer */
    public static boolean transferLocked(List<String> statuses) {
        return statuses.stream().anyMatch(TRANSFER_LOCKS::contains);
    }

    /**
     * @param status a lower-case status value
     * @return why it endangers the domain, e.g. {@code is pending deletion: ...}; empty for any other
     */
    public static Optional<String> danger(String status) {
        return Optional.ofNullable(LOSING.get(status));
    }

    /** @param status a status {@link #danger} names @return what to do about it */
    public static String fix(String status) {
        return FIXES.getOrDefault(status, "Renew the domain at your registrar now (restoring a domain in"
                + " redemption costs a fee), and turn on auto-renew.");
    }
}
