package dev.preflight.http.internal;

import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The flags one cookie must carry: {@code Secure} on an HTTPS site, {@code HttpOnly} when it looks
 * like a session or login cookie, an explicit {@code SameSite}, and the rules its {@code __Host-} or
 * {@code __Secure-} prefix promises (RFC 6265bis section 4.1.3). Immutable and thread-safe.
 *
 * <p>Session-like: a name containing {@code sess}, {@code auth}, {@code token}, {@code jwt},
 * {@code login} or {@code remember}, or {@code sid} as a word ({@code connect.sid}, not
 * {@code sidebar}); the well-known names that do not ({@code .AspNetCore.Cookies}, {@code CFID},
 * {@code wordpress_logged_in_…}); and names the user lists. Names containing {@code csrf} or
 * {@code xsrf} are not: double-submit CSRF cookies such as Angular's and Laravel's {@code XSRF-TOKEN}
 * exist to be read by the page's script, so HttpOnly would break them and protect nothing.
 */
public final class CookieRules {
    private static final List<String> SESSION_WORDS = List.of("sess", "auth", "token", "jwt", "login", "remember");
    private static final Pattern SID = Pattern.compile("(^|[^a-z0-9])sid([^a-z0-9]|$)");
    private static final Set<String> SESSION_NAMES = Set.of(".aspnetcore.cookies", ".aspnetcore.identity.application",
            "cfid", "cftoken");
    private static final List<String> SESSION_PREFIXES = List.of("wordpress_logged_in", "wordpress_sec");

    private static final String SECURE_HOW = "Add the Secure attribute to every cookie of an HTTPS site (nginx in front"
            + " of an app: proxy_cookie_flags ~ secure; Express: cookie.secure = true; Django: SESSION_COOKIE_SECURE and"
            + " CSRF_COOKIE_SECURE = True; Spring Boot: server.servlet.session.cookie.secure=true; PHP:"
            + " session.cookie_secure=1).";
    private static final String HTTP_ONLY_HOW = "Mark session and login cookies HttpOnly so that injected script cannot"
            + " steal them (nginx: proxy_cookie_flags ~ httponly; Express: cookie.httpOnly = true; Django:"
            + " SESSION_COOKIE_HTTPONLY = True; Spring Boot: server.servlet.session.cookie.http-only=true; PHP:"
            + " session.cookie_httponly=1).";
    private static final String SAME_SITE_HOW = "Set SameSite=Lax (or Strict) explicitly rather than rely on the"
            + " browser's default, which differs between browsers (nginx: proxy_cookie_flags ~ samesite=lax; Express:"
            + " cookie.sameSite = 'lax'; Django: SESSION_COOKIE_SAMESITE = 'Lax'; Spring Boot:"
            + " server.servlet.session.cookie.same-site=lax; PHP: session.cookie_samesite=Lax).";

    private final Set<String> extraSessionNames;

    /** @param extraSessionNames more names to treat as session cookies, any case */
    public CookieRules(List<String> extraSessionNames) {
        this.extraSessionNames = Set.copyOf(extraSessionNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * @param name a cookie name
     * @return whether it looks like a session, login or token cookie that script has no business reading
     */
    public boolean isSessionLike(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (extraSessionNames.contains(lower)) {
            return true;
        }
        String n = lower.replaceFirst("^__(host|secure)-", "");
        if (n.contains("csrf") || n.contains("xsrf")) {
            return false;
        }
        return SESSION_NAMES.contains(n) || SESSION_PREFIXES.stream().anyMatch(n::startsWith)
                || SESSION_WORDS.stream().anyMatch(n::contains) || SID.matcher(n).find();
    }

    /**
     * @param cookie the cookie
     * @param shown the name to show, already made safe to print
     * @param https whether the page that set it was fetched over HTTPS
     * @param where which page set it, for the summaries
     * @return what is wrong with it; empty when nothing is
     */
    public List<Finding> judge(SetCookie cookie, String shown, boolean https, String where) {
        List<Finding> findings = new ArrayList<>();
        String it = "cookie " + shown + " (set by " + where + ")";
        prefix(cookie, it, findings);
        if (https && !cookie.secure()) {
            findings.add(new Finding(Status.FAIL, it + " lacks Secure, so browsers also send it over plain HTTP",
                    SECURE_HOW));
        }
        if (!https) {
            findings.add(cookie.secure()
                    ? new Finding(Status.WARN, it + " is Secure but set over plain HTTP, where browsers ignore it",
                            "Serve the site over HTTPS only.")
                    : new Finding(Status.WARN, it + " is set over plain HTTP, where anyone on the way can read or change"
                            + " it", "Serve the site over HTTPS only and mark its cookies Secure."));
        }
        if (!cookie.httpOnly() && isSessionLike(cookie.name())) {
            findings.add(new Finding(Status.FAIL, "session " + it + " lacks HttpOnly, so script on the page can read it",
                    HTTP_ONLY_HOW));
        }
        sameSite(cookie, it, findings);
        return findings;
    }

    private static void prefix(SetCookie cookie, String it, List<Finding> findings) {
        if (cookie.hostPrefixed()) {
            List<String> wrong = new ArrayList<>();
            if (!cookie.secure()) {
                wrong.add("no Secure");
            }
            if (cookie.domain() != null) {
                wrong.add("a Domain attribute");
            }
            if (!"/".equals(cookie.path())) {
                wrong.add(cookie.path() == null ? "no Path=/" : "Path=" + cookie.path());
            }
            if (!wrong.isEmpty()) {
                findings.add(new Finding(Status.FAIL, it + " has the __Host- prefix but " + String.join(", ", wrong)
                        + ", so browsers reject it", "Send __Host- cookies with Secure, Path=/ and no Domain attribute,"
                        + " or rename the cookie."));
            }
        } else if (cookie.securePrefixed() && !cookie.secure()) {
            findings.add(new Finding(Status.FAIL, it + " has the __Secure- prefix but no Secure, so browsers reject it",
                    "Send __Secure- cookies with the Secure attribute, or rename the cookie."));
        }
    }

    private static void sameSite(SetCookie cookie, String it, List<Finding> findings) {
        String value = cookie.sameSite();
        if (value == null) {
            findings.add(new Finding(Status.WARN, it + " has no SameSite attribute", SAME_SITE_HOW));
            return;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("none") && !cookie.secure()) {
            findings.add(new Finding(Status.FAIL, it + " has SameSite=None without Secure, so browsers reject it",
                    "Add Secure to cookies with SameSite=None, or use SameSite=Lax if the cookie need not cross sites."));
        } else if (!v.equals("none") && !v.equals("lax") && !v.equals("strict")) {
            findings.add(new Finding(Status.WARN, it + " has SameSite=" + shorten(value) + ", which browsers ignore"
                    + " (only Strict, Lax and None count)", SAME_SITE_HOW));
        }
    }

    private static String shorten(String text) {
        return Shorten.to(text, 20);
    }
}
