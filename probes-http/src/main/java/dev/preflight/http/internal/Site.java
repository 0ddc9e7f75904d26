package dev.preflight.http.internal;

import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.SharedKey;
import dev.preflight.support.IpAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * One web target as its probes see it: the URL, the host's addresses, and answers shared among the
 * probes so that a site costs one handshake and one fetch of each page per address, however many
 * probes read them. Credentials in the target URL are sent as Basic authentication and never kept
 * in a URL that could be printed.
 */
public final class Site {
    private final ProbeContext context;
    private final URI url;
    private final String authorization;

    private Site(ProbeContext context, URI url, String authorization) {
        this.context = context;
        this.url = url;
        this.authorization = authorization;
    }

    /**
     * @param context the probe's context
     * @return the site, or empty if the target has no {@code http} or {@code https} URL with a host
     */
    public static Optional<Site> of(ProbeContext context) {
        URI uri = context.target().uri().orElse(null);
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String authorization = uri.getRawUserInfo() == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString(decode(uri.getRawUserInfo()).getBytes(StandardCharsets.UTF_8));
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            URI clean = new URI(scheme + "://" + IpAddresses.forUrl(uri.getHost()) + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                    + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            return Optional.of(new Site(context, clean, authorization));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String decode(String rawUserInfo) {
        return java.net.URLDecoder.decode(rawUserInfo.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** @return the target URL without credentials */
    public URI url() {
        return url;
    }

    /** @return the host name, lower case */
    public String host() {
        return url.getHost().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
    }

    /** @return the port, defaulted from the scheme */
    public int port() {
        return url.getPort() > 0 ? url.getPort() : https() ? 443 : 80;
    }

    /** @return whether the target URL is {@code https} */
    public boolean https() {
        return url.getScheme().equals("https");
    }

    /** @return {@code host:port}, for subjects */
    public String endpoint() {
        return IpAddresses.forUrl(host()) + ":" + port();
    }

    /** @return the probe's context */
    public ProbeContext context() {
        return context;
    }

    /**
     * @return every address of the host, shared among the target's probes
     * @throws Exception if the host cannot be resolved in time
     */
    public List<InetAddress> addresses() throws Exception {
        return Network.of(context).addresses(host(), port());
    }

    /**
     * @param path a path or URL relative to the target URL, e.g. {@code /.env}
     * @return the absolute URL
     */
    public URI resolve(String path) {
        return url.resolve(path);
    }

    /**
     * @param target another URL to send the target's credentials with, if it is on the same origin
     * @return a GET of it, with the target's credentials on its own origin only
     */
    public PageRequest get(URI target) {
        PageRequest request = PageRequest.get(target);
        boolean sameOrigin = target.getScheme().equalsIgnoreCase(url.getScheme())
                && host().equalsIgnoreCase(target.getHost()) && port(target) == port();
        return authorization != null && sameOrigin ? request.withHeader("Authorization", authorization) : request;
    }

    /**
     * Fetches once per target, address and request; the target's probes share the page.
     *
     * @param address where to send it
     * @param request what to send
     * @return the answer
     * @throws Exception if there was no answer in time
     */
    public Page fetch(InetAddress address, PageRequest request) throws Exception {
        return fetch(address, request, PageFetcher.DEFAULT_BODY_CAP);
    }

    /**
     * @param address where to send it
     * @param request what to send
     * @param bodyCap the most body bytes to keep
     * @return the answer, shared with the target's other probes asking the same
     * @throws Exception if there was no answer in time
     */
    public Page fetch(InetAddress address, PageRequest request, int bodyCap) throws Exception {
        OkHttpClient client = context.shared(SharedKey.perTarget("http.client@" + address.getHostAddress(), SiteClient.class),
                () -> new SiteClient(PageFetcher.clientFor(address))).client();
        return context.shared(SharedKey.perTarget("http.page@" + address.getHostAddress() + ":" + bodyCap + ":" + request.key(), Page.class),
                () -> PageFetcher.fetch(client, address, request, bodyCap, context));
    }

    /**
     * @param address where to connect
     * @return the answer to a GET of the target URL, redirects not followed
     * @throws Exception if there was no answer in time
     */
    public Page landing(InetAddress address) throws Exception {
        return fetch(address, get(url));
    }

    /**
     * The target URL's redirects followed within the site (see {@link LandingWalk}), each hop fetched
     * explicitly.
     *
     * @param address where to send the first request
     * @return every hop, the first being {@link #landing}; the last is the document unless the
     *     redirects loop, go on too long or leave the site
     * @throws Exception if a hop had no answer in time
     */
    public List<Page> landingChain(InetAddress address) throws Exception {
        return LandingWalk.walk(this, address).hops();
    }

    /**
     * @param address where to send the first request
     * @return the document the target URL leads to over redirects within the site
     * @throws NoDocumentException if the redirects loop, go on too long or leave the site
     * @throws Exception if a hop had no answer in time
     */
    public Page document(InetAddress address) throws Exception {
        LandingWalk.Walked walked = LandingWalk.walk(this, address);
        if (walked.problem().isPresent()) {
            throw walked.problem().get();
        }
        return walked.hops().get(walked.hops().size() - 1);
    }

    /**
     * @param uri a web URL
     * @return its port, defaulted from its scheme
     */
    public static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
