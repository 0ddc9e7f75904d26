package dev.preflight.http;

import dev.preflight.http.internal.Finding;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PageRequest;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Reflections;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.Verdicts;
import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.RandomTokens;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code http.host-header}: the site does not answer for a host name that is not its own, and does
 * not build links or redirects from {@code Host} or {@code X-Forwarded-Host} sent by the client.
 * Either lets an attacker poison a shared cache or a password-reset e-mail with a link to their host.
 *
 * <p>Two GETs of the target URL per address, over a connection whose SNI is the site's real host:
 * one with a foreign {@code Host} (a random name under {@code .invalid}, RFC 6761), one with the real
 * {@code Host} and foreign {@code X-Forwarded-Host}, {@code X-Host} and {@code X-Forwarded-Server},
 * each a random name of its own so that an echo names the header trusted. Both carry a random
 * cache-busting query parameter, so that an answer a vulnerable cache keeps is never served to
 * anyone else.
 *
 * <p>PASS: the foreign host is refused (any 4xx, e.g. 400 from Django's ALLOWED_HOSTS, 421, 404, 403),
 * the connection is closed (nginx's {@code return 444}), or it is redirected to an absolute URL on
 * another host (the canonical one); and no forwarded header is echoed. WARN: the foreign host is
 * served (2xx) or redirected within itself (a relative {@code Location}), without an echo: the host
 * is accepted, which is not shown exploitable here but leaves it to the application; or it makes
 * the application fail (5xx). FAIL: a foreign name comes back in the {@code Location} header, any
 * other header or the body (the summary says which request and where). SKIP for a target without a
 * web URL. ERROR when the site cannot be reached or does not answer in time. Every address of the
 * host is checked and the worst named. No settings.
 *
 * <p>Details: {@code foreignHost}, {@code foreignHostStatus} (the status, or {@code closed}),
 * {@code forwardedStatus}, {@code problems} and {@code notes}. Stateless and thread-safe.
 *
 * @since 0.4
 */
public final class HostHeaderProbe implements Probe {
    /** Each header's planted name ends in a label of its own, so that no planted name is part of another. */
    private static final List<Forwarded> FORWARDED = List.of(new Forwarded("X-Forwarded-Host", "xfh"),
            new Forwarded("X-Host", "xhost"), new Forwarded("X-Forwarded-Server", "xfs"));
    private static final String REJECT_HOW = "Answer only for your own host names: Django ALLOWED_HOSTS, Rails"
            + " config.hosts, Spring/Tomcat a Host-checking filter, Laravel TrustHosts; or in front, an nginx"
            + " default server (listen 443 ssl default_server; return 444; or 421) beside the server block that names"
            + " the site, an Apache first VirtualHost that denies. Build absolute links from a configured canonical"
            + " URL, never from the request's Host.";
    private static final String FORWARDED_HOW = "Do not take the host from client headers: trust X-Forwarded-Host only"
            + " when your own proxy sets it and overwrites the client's (nginx: proxy_set_header X-Forwarded-Host"
            + " $host;), Django USE_X_FORWARDED_HOST = False otherwise, Express 'trust proxy' limited to the proxy's"
            + " address, Spring server.forward-headers-strategy only behind a proxy that strips them.";
    private static final Pattern ABSOLUTE = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*:)?//");

    /** A header some frameworks take the host from, and the label of the name planted in it. */
    private record Forwarded(String name, String label) {
    }

    @Override
    public String id() {
        return "http.host-header";
    }

    @Override
    public String title() {
        return "Foreign Host and X-Forwarded-Host headers are refused, not echoed";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Site site = Site.of(context).orElse(null);
        if (site == null) {
            return Result.skip("the target has no http:// or https:// URL");
        }
        String token = RandomTokens.hex(5);
        return PerAddress.check(site, address -> judge(site, address, token));
    }

    private static Result judge(Site site, InetAddress address, String token) throws Exception {
        URI url = cacheBusted(site.url(), token);
        String foreign = "pf-" + token + ".invalid";
        List<Finding> findings = new ArrayList<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("foreignHost", foreign);
        Page foreignPage = foreignHost(site, address, site.get(url).withHeader("Host", foreign));
        if (foreignPage == null) {
            details.put("foreignHostStatus", "closed");
            findings.add(new Finding(Status.PASS, "a request for the foreign host " + foreign
                    + " is answered by closing the connection", null));
        } else {
            details.put("foreignHostStatus", foreignPage.status());
            findings.add(hostVerdict(foreignPage, foreign));
        }
        PageRequest forwarded = site.get(url);
        Map<String, String> planted = new LinkedHashMap<>();
        for (Forwarded header : FORWARDED) {
            String name = "pf-" + token + "-" + header.label() + ".invalid";
            planted.put(header.name(), name);
            forwarded = forwarded.withHeader(header.name(), name);
        }
        Page forwardedPage = site.fetch(address, forwarded);
        details.put("forwardedStatus", forwardedPage.status());
        planted.forEach((header, name) -> {
            List<String> places = Reflections.of(forwardedPage, name);
            if (!places.isEmpty()) {
                findings.add(new Finding(Status.FAIL, "the " + header + " a client sends (" + name + ") comes back in "
                        + String.join(" and ", places) + ": the site trusts it to build URLs", FORWARDED_HOW));
            }
        });
        Result.Builder result = Verdicts.of(findings, "foreign host names are refused");
        if (findings.stream().allMatch(f -> f.status() == Status.PASS)) {
            result.summary(findings.get(0).summary() + ", and X-Forwarded-Host, X-Host and X-Forwarded-Server are"
                    + " not echoed");
        }
        details.forEach(result::detail);
        return result.subject(site.endpoint()).build();
    }

    private static Finding hostVerdict(Page page, String foreign) {
        String request = "a request for the foreign host " + foreign;
        List<String> places = Reflections.of(page, foreign);
        if (!places.isEmpty()) {
            return new Finding(Status.FAIL, request + " is answered " + page.status() + " with that name in "
                    + String.join(" and ", places) + ": links and redirects are built from the Host header (cache and"
                    + " password-reset poisoning)", REJECT_HOW);
        }
        int status = page.status();
        if (status >= 400 && status < 500) {
            return new Finding(Status.PASS, request + " is refused (" + status + ")", null);
        }
        if (page.isRedirect()) {
            URI target = page.location().orElse(null);
            if (target == null) {
                return new Finding(Status.WARN, request + " is accepted: it is redirected (" + status + ") to a Location"
                        + " that is not a valid URL", REJECT_HOW);
            }
            // Only an absolute Location leaves the requested host; a relative one keeps the visitor on it.
            if (ABSOLUTE.matcher(page.header("Location").orElse("").strip()).lookingAt() && target.getHost() != null) {
                return new Finding(Status.PASS, request + " is redirected (" + status + ") to "
                        + SitePaths.shown(target), null);
            }
            return new Finding(Status.WARN, request + " is accepted: it is redirected (" + status + ") within the"
                    + " requested host", REJECT_HOW);
        }
        if (status >= 500) {
            return new Finding(Status.WARN, request + " makes the application fail (" + status + "): it reaches"
                    + " the application instead of being refused in front of it", REJECT_HOW);
        }
        return new Finding(Status.WARN, request + " is served (" + status + "): the site answers for any host name;"
                + " no echo of it was seen, but the application is left to handle it", REJECT_HOW);
    }

    /** The answer, or null when the server closed the connection instead of answering. */
    private static Page foreignHost(Site site, InetAddress address, PageRequest request) throws Exception {
        try {
            return site.fetch(address, request);
        } catch (ConnectException | DeadlineExceededException e) {
            throw e;
        } catch (IOException e) {
            if (NetworkFailures.isTimeout(e) || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return null;
        }
    }

    private static URI cacheBusted(URI url, String token) {
        String query = url.getRawQuery() == null ? "" : url.getRawQuery() + "&";
        return URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?" + query
                + "preflight-nocache=" + token);
    }
}
