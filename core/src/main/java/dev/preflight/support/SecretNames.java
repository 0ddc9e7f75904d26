package dev.preflight.support;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which configuration names hold secrets, so that their values are redacted everywhere:
 * {@code SECRET_KEY}, {@code DB_PASSWORD}, {@code STRIPE_SECRET_KEY}, {@code GITHUB_TOKEN},
 * {@code SENTRY_DSN}, {@code DATABASE_URL} (for the password inside it), and the like.
 *
 * <pre>{@code
 * SecretNames.isSecret("STRIPE_SECRET_KEY");          // true
 * SecretNames.isSecret("ACCESS_TOKEN_EXPIRE_MINUTES"); // false
 * }</pre>
 *
 * @since 0.1
 */
public final class SecretNames {
    private static final Pattern SECRET = Pattern.compile(
            ".*(SECRET|PASSWORD|PASSWD|PASS$|PWD$|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|_KEY$|^KEY$|DSN|AUTH).*");
    /**
     * Names that contain a secret-looking word but hold settings about secrets or addresses
     * ({@code NEXTAUTH_URL}, {@code AUTH_HOST}): redacting those would hide the site's own URL in
     * reports. Passwords inside URLs are collected separately.
     */
    private static final Pattern NOT_SECRET = Pattern.compile(".*(EXPIRE|EXPIRY|LIFETIME|TTL|MINUTES|SECONDS|HOURS|DAYS"
            + "|LENGTH|ALGORITHM|_ENABLED|_ID$|_HEADER|_NAME$|_FILE$|_PATH$|_URL$|_URI$|_HOST$|_PORT$|_USER$|_USERNAME$).*");

    private SecretNames() {
    }

    /**
     * @param name a variable or key name, any case, {@code -} or {@code _} separated
     * @return whether values under that name should be treated as secret
     */
    public static boolean isSecret(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace('-', '_');
        return SECRET.matcher(n).matches() && !NOT_SECRET.matcher(n).matches();
    }
}
