package dev.preflight.http.internal.paths;

import dev.preflight.http.internal.LoginLocations;
import dev.preflight.http.internal.Page;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a server answered a state-changing request sent without any CSRF token: refused it for that
 * reason, accepted it, or something that says nothing about CSRF. Read from the status, the
 * {@code Location} of a redirect and, for a 422, whether the body names the token or origin check.
 */
public enum CsrfAnswer {
    /** 400, 403, 415, Laravel's 419, or a 4xx that names CSRF, the token or the origin. */
    REFUSED,
    /** 2xx, or a redirect elsewhere than a login (the post-redirect-get of a form that was accepted). */
    ACCEPTED,
    /** 401, or a redirect to a login: refused for want of a session, before any CSRF check. */
    UNAUTHENTICATED,
    /** 404, 405 or 501: the path or the method is not there. */
    NOT_THERE,
    /** A 5xx. */
    SERVER_ERROR,
    /** Another status (a 422 about the input, 409, 429…): says nothing about CSRF. */
    OTHER;

    private static final Pattern MENTIONS_CSRF = Pattern.compile(
            "csrf|xsrf|forgery|authenticity.?token|cross.?site|\\borigin\\b|\\breferer\\b|token mismatch|page expired");

    /**
     * @param page the answer
     * @return what it says about CSRF
     */
    public static CsrfAnswer of(Page page) {
        int status = page.status();
        if (status >= 200 && status < 300) {
            return ACCEPTED;
        }
        if (status >= 300 && status < 400) {
            return page.location().map(to -> LoginLocations.isLogin(to) ? UNAUTHENTICATED : ACCEPTED).orElse(OTHER);
        }
        if (status == 401) {
            return UNAUTHENTICATED;
        }
        if (status == 400 || status == 403 || status == 415 || status == 419) {
            return REFUSED;
        }
        if (status == 404 || status == 405 || status == 501) {
            return NOT_THERE;
        }
        if (status >= 500) {
            return SERVER_ERROR;
        }
        return status >= 400 && MENTIONS_CSRF.matcher(page.text().toLowerCase(Locale.ROOT)).find() ? REFUSED : OTHER;
    }
}
