package dev.preflight.dns.internal.rdap;

/**
 * An RDAP answer or bootstrap file that cannot be used: not JSON, over a limit, or without the
 * members RFC 9083 or RFC 9224 require. The message is one clause naming the first problem.
 */
public final class MalformedRdapException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param problem e.g. {@code the eventDate of 'expiration' is not an RFC 3339 date: 'soon'} */
    public MalformedRdapException(String problem) {
        super(problem);
    }
}
