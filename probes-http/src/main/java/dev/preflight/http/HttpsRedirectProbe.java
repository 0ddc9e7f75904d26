package dev.preflight.http;

import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.RedirectHosts;
import dev.preflight.http.internal.RedirectWalk;
import dev.preflight.http.internal.Site;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.IpAddresses;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code http.https-redirect}: the site's {@code http://} address sends visitors to {@code https://}
 * on the same host, permanently, and serves nothing in clear.
 *
 * <p>For an {@code https://} target the probe asks {@code http://HOST:http-port/PATH} (the target's
 * host and path); for an {@code http://} target it asks that URL itself. Redirects that stay on
 * {@code http://} are followed one request at a time, up to five. The host rule: a redirect may lead
 * to the same host, to its {@code www.} variant or from {@code www.} to the apex, or to a host listed
 * in {@code allowed-hosts}; any other host is a FAIL. The port of the {@code https://} URL is not
 * judged.
 *
 * <p>PASS: a 301 or 308 to {@code https://}. WARN: a 302, 307, 303 or other non-permanent status on
 * the way (not cached, so every visit starts in clear); {@code https://} reached only after further
 * plain-HTTP hops (each can be tampered with, and HSTS preload wants the first redirect to stay on
 * the host); an error status or a 3xx without {@code Location} on the first answer (nothing is
 * served in clear, but visitors get an error instead of the site). FAIL: content served over plain
 * HTTP (2xx); a chain that never reaches {@code https://} (a loop, five hops, a non-web scheme, an
 * error after plain redirects); a redirect to another host; an unparsable {@code Location}.
 *
 * <p>A refused connection on the HTTP port of an {@code https://} target is a PASS with a note:
 * nothing is served in clear, and hstspreload.org's requirements accept a host that does not listen
 * on port 80. Against an active attacker, who can answer on port 80 in the server's place, neither a
 * closed port nor a redirect helps: HSTS does ({@code http.hsts}). The cost is usability: a visitor
 * typing the bare name gets a connection error unless the browser tries {@code https://} first, as
 * current browsers increasingly do. No answer at all (a firewall dropping packets) is an ERROR at the
 * deadline, since the probe cannot tell. For an {@code http://} target, refused is an ERROR.
 *
 * <p>Settings: {@code http-port} (80), the plain-HTTP port of an {@code https://} target, ignored
 * for {@code http://} targets; {@code allowed-hosts} (none), more hosts a redirect may lead to, by
 * exact name. The target's credentials are never sent over plain HTTP to an {@code https://}
 * target's host. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class HttpsRedirectProbe implements Probe {
    @Override
    public String id() {
        return "http.https-redirect";
    }

    @Override
    public String title() {
        return "Plain HTTP redirects permanently to HTTPS on the same host";
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
        int httpPort = site.https() ? context.settings().integer("http-port", 80) : site.port();
        if (httpPort < 1 || httpPort > 65535) {
            throw context.settings().invalid("http-port", "must be a port number (1-65535), got " + httpPort);
        }
        URI start = site.https() ? plainUrl(site, httpPort) : site.url();
        RedirectHosts hosts = new RedirectHosts(site.host(), context.settings().list("allowed-hosts"));
        return PerAddress.check(site, address -> new RedirectWalk(site, address, hosts, start).run());
    }

    private static URI plainUrl(Site site, int port) throws URISyntaxException {
        String path = site.url().getRawPath() == null || site.url().getRawPath().isEmpty() ? "/" : site.url().getRawPath();
        return new URI("http://" + IpAddresses.forUrl(site.host()) + (port == 80 ? "" : ":" + port) + path);
    }
}
