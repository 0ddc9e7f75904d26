package dev.preflight.http.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One node's walk from a site's plain-HTTP URL towards {@code https://}, one request per hop (at most
 * {@value #MAX_HOPS} redirects), judged as {@code http.https-redirect} documents: the verdict with
 * the details {@code url}, {@code status}, {@code location} and {@code hops}. Used once, by one thread.
 */
public final class RedirectWalk {
    /** The most redirects followed over plain HTTP. */
    public static final int MAX_HOPS = 5;
    private static final String REDIRECT_HOW = "Answer every plain-HTTP request with a permanent redirect to the same"
            + " URL on https:// (nginx: a port-80 server block with return 301 https://$host$request_uri; Apache: Redirect"
            + " permanent / https://HOST/ in the :80 VirtualHost; a load balancer: its HTTP-to-HTTPS redirect rule).";
    private static final String PERMANENT_HOW = "Use 301 or 308: browsers do not remember a temporary redirect, so every"
            + " visit starts over plain HTTP again (nginx: return 301 https://$host$request_uri; Apache: Redirect"
            + " permanent).";

    private final Site site;
    private final InetAddress node;
    private final RedirectHosts hosts;
    private final URI start;
    private final List<String> hops = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();
    private Page first;

    /**
     * @param site the site
     * @param node the address of the site being checked
     * @param hosts where redirects may lead
     * @param start the plain-HTTP URL to start from
     */
    public RedirectWalk(Site site, InetAddress node, RedirectHosts hosts, URI start) {
        this.site = site;
        this.node = node;
        this.hosts = hosts;
        this.start = start;
    }

    /**
     * @return the verdict for this node
     * @throws Exception if a hop had no answer in time (a refused first hop of an https:// site is a verdict)
     */
    public Result run() throws Exception {
        Set<URI> visited = new HashSet<>();
        URI url = start;
        while (true) {
            visited.add(url);
            Page page;
            try {
                page = site.fetch(Nodes.addressFor(site, node, url), site.get(url));
            } catch (ConnectException e) {
                if (first == null && site.https()) {
                    return portClosed();
                }
                throw e;
            }
            first = first == null ? page : first;
            if (!page.isRedirect()) {
                hops.add(page.status() + " " + shown(url));
                return ended(page, url);
            }
            URI next = page.location().filter(u -> u.getScheme() != null).orElse(null);
            hops.add(page.status() + " " + shown(url) + " -> " + (next == null ? "(unparsable Location)" : shown(next)));
            statuses.add(page.status());
            if (next == null) {
                return fail(shown(url) + " redirects to a Location that is not a valid URL",
                        "Send an absolute https:// URL in the Location header. " + REDIRECT_HOW);
            }
            String scheme = next.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || next.getHost() == null) {
                return fail(shown(url) + " redirects to " + shown(next) + ", not to https://", REDIRECT_HOW);
            }
            if (hosts.accepts(next.getHost()).isEmpty()) {
                return fail(shown(url) + " redirects to another host, " + next.getHost().toLowerCase(Locale.ROOT),
                        "Redirect to https:// on the same host; if that host is yours on purpose, list it in the"
                                + " setting http.https-redirect.allowed-hosts.");
            }
            if (scheme.equals("https")) {
                return reached(next);
            }
            if (visited.contains(next)) {
                return fail("redirect loop over plain HTTP: " + shown(url) + " leads back to " + shown(next),
                        REDIRECT_HOW);
            }
            if (statuses.size() >= MAX_HOPS) {
                return fail("still on plain HTTP after " + MAX_HOPS + " redirects from " + shown(start), REDIRECT_HOW);
            }
            url = next;
        }
    }

    private Result ended(Page page, URI url) {
        boolean content = page.status() >= 200 && page.status() < 300;
        if (content) {
            return fail(shown(url) + " serves content over plain HTTP (" + page.status() + ")"
                    + (statuses.isEmpty() ? " instead of redirecting to https://" : " after " + statuses.size()
                            + " plain-HTTP redirect" + (statuses.size() > 1 ? "s" : "")), REDIRECT_HOW);
        }
        if (!statuses.isEmpty()) {
            return fail("the plain-HTTP redirects from " + shown(start) + " end at " + shown(url) + ", which answers "
                    + page.status() + " without reaching https://", REDIRECT_HOW);
        }
        String why = page.status() >= 300 && page.status() < 400 ? " without a Location header" : "";
        return details(Result.builder(Status.WARN)
                .summary(shown(url) + " answers " + page.status() + why + " instead of redirecting to https://,"
                        + " so visitors typing the bare name get an error")
                .remediation(REDIRECT_HOW));
    }

    private Result reached(URI https) {
        List<Finding> findings = new ArrayList<>();
        if (statuses.size() > 1) {
            int extra = statuses.size() - 1;
            findings.add(new Finding(Status.WARN, shown(start) + " reaches https:// only after " + extra + " more redirect"
                    + (extra > 1 ? "s" : "") + " over plain HTTP", "Redirect from http:// straight to https:// on"
                    + " the same host first, then to www or the apex over https://: every plain-HTTP hop can be"
                    + " tampered with, and HSTS preload requires the first redirect to stay on the host."));
        }
        for (int status : new LinkedHashSet<>(statuses)) {
            String temporary = switch (status) {
                case 301, 308 -> null;
                case 302, 307 -> status + ", a temporary redirect";
                case 303 -> "303 See Other, which is meant for answering forms, not for moving a site";
                default -> status + ", not a permanent redirect status";
            };
            if (temporary != null) {
                findings.add(new Finding(Status.WARN, shown(start) + " redirects to https:// with " + temporary,
                        PERMANENT_HOW));
            }
        }
        String pass = shown(start) + " redirects permanently (" + statuses.get(0) + ") to " + shown(https);
        Result.Builder result = Verdicts.of(findings, pass);
        if (statuses.size() == 1 && hosts.accepts(https.getHost()).filter("www variant"::equals).isPresent()) {
            result.detail("notes", List.of("the first redirect changes the host: HSTS preload lists only sites whose"
                    + " http:// redirects to https:// on the same host first"));
        }
        return details(result);
    }

    private Result portClosed() {
        return details(Result.builder(Status.PASS)
                .summary("nothing listens on " + shown(start) + " (connection refused): no content is served"
                        + " over plain HTTP")
                .detail("portClosed", true)
                .detail("notes", List.of("a visitor typing the bare name gets a connection error unless the browser"
                        + " tries https:// first; a redirect on port " + Site.port(start) + " would take them to"
                        + " the site", "only HSTS stops an attacker who answers plain HTTP in the server's place")));
    }

    private Result fail(String summary, String remediation) {
        return details(Result.builder(Status.FAIL).summary(summary).remediation(remediation));
    }

    private Result details(Result.Builder result) {
        result.detail("url", shown(start));
        if (first != null) {
            result.detail("status", first.status());
            first.location().ifPresent(l -> result.detail("location", shown(l)));
        }
        return result.detail("hops", hops).build();
    }

    private static String shown(URI url) {
        return SitePaths.shown(url);
    }
}
