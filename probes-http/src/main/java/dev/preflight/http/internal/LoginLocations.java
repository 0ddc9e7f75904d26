package dev.preflight.http.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a redirect leads to a login: a page of the site ({@code /login}, {@code /users/sign_in},
 * {@code /wp-login.php}) or an identity provider ({@code login.microsoftonline.com},
 * {@code accounts.google.com/o/oauth2/…}, a SAML or CAS endpoint), read from its host and path.
 */
public final class LoginLocations {
    private static final Pattern LOGIN = Pattern.compile(
            "(?<![a-z])(log-?in|sign-?in|sign_in|auth\\b|authorize|sso\\b|oauth|saml|cas/|wp-login\\.php)");

    private LoginLocations() {
    }

    /**
     * @param to where a redirect leads
     * @return whether its host or path names a login
     */
    public static boolean isLogin(URI to) {
        String where = (to.getHost() == null ? "" : to.getHost()) + (to.getRawPath() == null ? "" : to.getRawPath());
        return LOGIN.matcher(where.toLowerCase(Locale.ROOT)).find();
    }
}
