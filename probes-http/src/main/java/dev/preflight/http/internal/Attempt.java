package dev.preflight.http.internal;

import java.util.Objects;

/**
 * One handshake the protocol scan tried and what came of it.
 *
 * @param subject what was tested, e.g. {@code TLSv1.0} or {@code weak suites}
 * @param how how it was tested, e.g. {@code hand-built ClientHello, client_version TLSv1.0, 79 suites}
 * @param outcome what came of it
 * @param version for an accepted handshake, the version the server chose, e.g. {@code TLSv1.2}; else null
 * @param suite for an accepted handshake, the suite the server chose; else null
 * @param reason for anything but an accepted handshake, what happened, e.g. {@code alert 70 protocol_version}
 */
public record Attempt(String subject, String how, Outcome outcome, String version, String suite, String reason) {

    /** What came of a handshake. */
    public enum Outcome {
        /** The server answered with a ServerHello, or the JDK completed the handshake. */
        ACCEPTED,
        /** An alert, a closed or reset connection, or silence until the handshake timeout. */
        REFUSED,
        /** An answer that is neither: not TLS, malformed, or a choice that was not offered. */
        UNCLEAR,
        /** Not tried: the JVM cannot offer it, or the deadline came first. */
        NOT_TESTED
    }

    /** Requires the parts every attempt has. */
    public Attempt {
        Objects.requireNonNull(subject, "'subject' must not be null");
        Objects.requireNonNull(how, "'how' must not be null");
        Objects.requireNonNull(outcome, "'outcome' must not be null");
    }

    /**
     * @param subject what was tested
     * @param how how
     * @param version the version the server chose
     * @param suite the suite it chose
     * @return an accepted attempt
     */
    public static Attempt accepted(String subject, String how, String version, String suite) {
        return new Attempt(subject, how, Outcome.ACCEPTED, version, suite, null);
    }

    /**
     * @param subject what was tested
     * @param how how
     * @param outcome anything but {@link Outcome#ACCEPTED}
     * @param reason what happened
     * @return the attempt
     */
    public static Attempt ended(String subject, String how, Outcome outcome, String reason) {
        if (outcome == Outcome.ACCEPTED) {
            throw new IllegalArgumentException("an accepted attempt has a version and a suite");
        }
        return new Attempt(subject, how, outcome, null, null, reason);
    }

    /** @return whether the server accepted it */
    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** @return one line for the report, e.g. {@code TLSv1.0: hand-built ClientHello …: refused (alert 70 protocol_version)} */
    public String describe() {
        String result = switch (outcome) {
            case ACCEPTED -> "accepted, " + version + " with " + suite;
            case REFUSED -> "refused (" + reason + ")";
            case UNCLEAR -> "unclear (" + reason + ")";
            case NOT_TESTED -> "not tested (" + reason + ")";
        };
        return subject + ": " + how + ": " + result;
    }
}
