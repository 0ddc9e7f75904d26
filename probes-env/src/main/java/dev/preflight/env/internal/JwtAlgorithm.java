package dev.preflight.env.internal;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JWT signing algorithm an environment file names ({@code JWT_ALGORITHM=HS256}, FastAPI's
 * {@code ALGORITHM=HS256}) and what it asks of the key beside it: an HMAC key at least as long as the
 * hash output (RFC 7518 §3.2), and never {@code none}, which leaves tokens unsigned (RFC 8725 §3.1).
 *
 * @param variable the variable that names it, as written
 * @param name the algorithm in upper case, e.g. {@code HS256}
 * @since 0.1
 */
public record JwtAlgorithm(String variable, String name) {
    private static final List<String> VARIABLES = List.of("JWT_ALGORITHM", "JWT_ALG", "ALGORITHM", "JWT_SIGNING_ALGORITHM");
    /** Where the HMAC key is read from, in order; {@code SECRET_KEY} is FastAPI's template. */
    private static final List<String> KEYS = List.of("JWT_SECRET", "JWT_SECRET_KEY", "JWT_KEY", "SECRET_KEY");

    /**
     * @param variables the file's variables
     * @return the algorithm, when a JWT algorithm variable names an HMAC algorithm or {@code none}
     */
    public static Optional<JwtAlgorithm> of(Map<String, String> variables) {
        return Variables.named(variables, VARIABLES).entrySet().stream()
                .map(e -> new JwtAlgorithm(e.getKey(), e.getValue().toUpperCase(Locale.ROOT)))
                .filter(a -> a.hashBytes() > 0 || a.name.equals("NONE")).findFirst();
    }

    /** @return the HMAC hash length in bytes, 0 for another algorithm */
    private int hashBytes() {
        return switch (name) {
            case "HS256" -> 32;
            case "HS384" -> 48;
            case "HS512" -> 64;
            default -> 0;
        };
    }

    /**
     * Adds this algorithm's findings: {@code none} fails; an HMAC key shorter than the hash fails,
     * unless it already failed for another reason.
     *
     * @param variables the file's variables
     * @param failed variables already reported
     * @param file the file, for remediations
     * @param findings where findings go
     */
    public void judge(Map<String, String> variables, Collection<String> failed, String file, Findings findings) {
        findings.checked(variable);
        if (name.equals("NONE")) {
            findings.fail(variable, "is none, so tokens are unsigned and anyone can forge them", "Set " + variable
                    + "=HS256 (with a 32-byte random key) or RS256 in " + file + ".");
            return;
        }
        Map<String, String> keys = Variables.named(variables, KEYS);
        Optional<Map.Entry<String, String>> key = KEYS.stream().flatMap(k -> keys.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(k))).findFirst();
        if (key.isEmpty()) {
            findings.warn(variable, "is " + name + " but no JWT key is set (looked for " + Variables.list(KEYS) + ")",
                    "Set JWT_SECRET in " + file + " to at least " + hashBytes() + " random bytes, e.g. openssl rand -hex "
                            + hashBytes() + ".");
            return;
        }
        String keyName = key.get().getKey();
        int bytes = key.get().getValue().getBytes(StandardCharsets.UTF_8).length;
        findings.checked(keyName);
        if (!failed.contains(keyName) && bytes < hashBytes()) {
            findings.fail(keyName, "is " + bytes + " bytes, shorter than the " + hashBytes() + " bytes " + name
                    + " needs (RFC 7518 §3.2; " + variable + "=" + name + ")", "Generate a new " + keyName
                    + " of at least " + hashBytes() + " random bytes, e.g. openssl rand -hex " + hashBytes()
                    + ", and set it in " + file + ".");
        }
    }
}
