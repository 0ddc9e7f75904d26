package dev.preflight.http.internal.paths;

import dev.preflight.http.internal.LoginLocations;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PageRequest;
import dev.preflight.http.internal.Site;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One configured path asked as an anonymous visitor would: a GET without any credentials (not even
 * the target URL's), redirects within the site's host followed one request at a time, up to a
 * bound. A redirect to a login page or to another host ends the visit unfetched, so another site's
 * answer is never judged as this one's.
 *
 * @param asked the URL asked first
 * @param last the last answer fetched
 * @param ending why the visit stopped
 * @param next where the last redirect leads, for {@link Ending#LOGIN} and {@link Ending#ELSEWHERE}
 * @param redirects how many redirects were followed
 */
public record PathVisit(URI asked, Page last, Ending ending, Optional<URI> next, int redirects) {

    /** Why a visit stopped. */
    public enum Ending {
        /** The last page is an answer, not a redirect (or a 3xx without a usable {@code Location}). */
        ANSWERED,
        /** The last page redirects to a login page. */
        LOGIN,
        /** The last page redirects to another host. */
        ELSEWHERE,
        /** The redirects loop or go on past the bound. */
        ENDLESS
    }

    /**
     * @param site the site
     * @param address where to send the requests
     * @param url the path's URL
     * @param maxRedirects the most redirects to follow
     * @param bodyCap the most body bytes to keep per answer
     * @return how the visit ended
     * @throws Exception if a request had no answer in time
     */
    public static PathVisit of(Site site, InetAddress address, URI url, int maxRedirects, int bodyCap)
            throws Exception {
        Set<String> seen = new HashSet<>();
        seen.add(url.toString());
        Page page = site.fetch(address, PageRequest.get(url), bodyCap);
        List<URI> followed = new ArrayList<>();
        while (page.isRedirect()) {
            Optional<URI> next = page.location().filter(u -> u.getHost() != null && isWeb(u));
            if (next.isEmpty()) {
                break;
            }
            if (LoginLocations.isLogin(next.get())) {
                return new PathVisit(url, page, Ending.LOGIN, next, followed.size());
            }
            if (!next.get().getHost().equalsIgnoreCase(url.getHost())) {
                return new PathVisit(url, page, Ending.ELSEWHERE, next, followed.size());
            }
            if (followed.size() >= maxRedirects || !seen.add(next.get().toString())) {
                return new PathVisit(url, page, Ending.ENDLESS, next, followed.size());
            }
            followed.add(next.get());
            page = site.fetch(address, PageRequest.get(next.get()), bodyCap);
        }
        return new PathVisit(url, page, Ending.ANSWERED, Optional.empty(), followed.size());
    }

    /** @return the final status, e.g. 200, or the redirect's status when the visit stopped at one */
    public int status() {
        return last.status();
    }

    private static boolean isWeb(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }
}
