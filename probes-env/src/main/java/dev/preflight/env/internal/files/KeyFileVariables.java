package dev.preflight.env.internal.files;

import dev.preflight.env.internal.SecretVariables;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which variables name key files, and which of those must hold an asymmetric key rather than,
 * say, an API key kept in a file in the Docker-secrets manner ({@code STRIPE_API_KEY_FILE}).
 *
 * @since 0.2
 */
public final class KeyFileVariables {
    private static final Pattern NAMES = Pattern.compile("(.*_)?KEY_(FILE|PATH|LOCATION)(_PATH)?|.*_KEYFILE"
            + "|(SSL|TLS|HTTPS)_KEY|GOOGLE_APPLICATION_CREDENTIALS");
    private static final Pattern ASYMMETRIC = Pattern.compile(".*(PRIVATE|PUBLIC|SSL|TLS|HTTPS|JWT|SSH|RSA|ECDSA|"
            + "SIGNING|GOOGLE_APPLICATION_CREDENTIALS).*");

    private KeyFileVariables() {
    }

    /**
     * @param extra further names from a setting, {@code *} as a wildcard
     * @return a test of upper-case names
     */
    public static Predicate<String> names(List<String> extra) {
        Pattern added = SecretVariables.globs(extra);
        return name -> NAMES.matcher(name).matches() || added.matcher(name).matches();
    }

    /**
     * @param upperCaseName a key file variable
     * @return whether its file must hold a private or public key, so that any other content fails
     */
    public static boolean mustHoldAKey(String upperCaseName) {
        return ASYMMETRIC.matcher(upperCaseName).matches();
    }

    /**
     * @param upperCaseName a key file variable
     * @return whether it names a public key, which needs no protection from readers
     */
    public static boolean isPublic(String upperCaseName) {
        return upperCaseName.contains("PUBLIC");
    }
}
