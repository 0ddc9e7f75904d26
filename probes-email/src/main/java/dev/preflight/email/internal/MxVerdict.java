package dev.preflight.email.internal;

import dev.preflight.probe.Status;
import java.time.Instant;

/**
 * The verdict on one MX host at one of its addresses, or on the host itself when it has no address
 * to try. Immutable.
 *
 * @param host the MX host name
 * @param address the address tried, e.g. {@code 192.0.2.7}, or null when none was
 * @param status the verdict
 * @param finding what was found, e.g. {@code offers no STARTTLS: mail to it crosses the network in clear}
 * @param remediation what to fix, or null for PASS and ERROR
 * @param unconnected whether no TCP connection could be made (refused, or no answer to the connect),
 *     which a port blocked on the checking machine's side looks like too
 * @param cause the exception behind an ERROR, never rendered, or null
 * @param certificateExpiry when the certificate the host sent expires, or null when none was judged
 */
public record MxVerdict(String host, String address, Status status, String finding, String remediation,
        boolean unconnected, Throwable cause, Instant certificateExpiry) {

    static MxVerdict of(String host, String address, Status status, String finding, String remediation) {
        return new MxVerdict(host, address, status, finding, remediation, false, null, null);
    }

    static MxVerdict error(String host, String address, String finding, boolean unconnected, Throwable cause) {
        return new MxVerdict(host, address, Status.ERROR, finding, null, unconnected, cause, null);
    }

    /** @param expiry when the judged certificate expires @return this verdict with it */
    MxVerdict withCertificateExpiry(Instant expiry) {
        return new MxVerdict(host, address, status, finding, remediation, unconnected, cause, expiry);
    }

    /** @return e.g. {@code mx1.shop.test (192.0.2.7): offers no STARTTLS…}, for a summary */
    public String sentence() {
        return host + (address == null ? "" : " (" + address + ")") + ": " + finding;
    }

    /** @return e.g. {@code mx1.shop.test 192.0.2.7: fail, offers no STARTTLS…}, for the details */
    public String line() {
        return host + (address == null ? "" : " " + address) + ": " + status.label() + ", " + finding;
    }
}
