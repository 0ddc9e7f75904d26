package dev.preflight.db.postgres.internal;

import java.util.Optional;

/**
 * The server's first answer to a StartupMessage: an authentication request, or an error.
 *
 * @param authentication the request's code (0 = OK without any credential, 3 = cleartext password,
 *     5 = MD5, 7 = GSSAPI, 9 = SSPI, 10 = SASL), or -1 for an error
 * @param error the error, for an ErrorResponse
 */
public record StartupAnswer(int authentication, Optional<ErrorFields> error) {
    private static final int OK = 0;

    static StartupAnswer authentication(int code) {
        return new StartupAnswer(code, Optional.empty());
    }

    static StartupAnswer error(ErrorFields error) {
        return new StartupAnswer(-1, Optional.of(error));
    }

    /** @return whether the server let the role in without asking for any credential: trust */
    public boolean admitsWithoutCredentials() {
        return authentication == OK;
    }

    /** @return what the server asks for, e.g. {@code SCRAM (SASL)}, or why it refused */
    public String describe() {
        return switch (authentication) {
            case -1 -> "refused: " + error.map(ErrorFields::message).orElse("");
            case OK -> "admitted without a password (trust)";
            case 3 -> "asks for a cleartext password";
            case 5 -> "asks for an MD5 password";
            case 7 -> "asks for GSSAPI";
            case 9 -> "asks for SSPI";
            case 10 -> "asks for SCRAM (SASL)";
            default -> "asks for authentication method " + authentication;
        };
    }
}
