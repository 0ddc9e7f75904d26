package dev.preflight.http.internal;

import dev.preflight.probe.SharedKey;
import dev.preflight.support.RandomTokens;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a site answers for a path that cannot exist: the baseline that tells a real answer from a
 * soft 404 (a site answering 200, or 401, to every path). The path is random, so that no site can
 * special-case it, but one per target and run, so that the probes asking for it share one exchange.
 */
public final class NotFoundPage {
    /** The body cap of the baseline and of the pages compared with it. */
    public static final int BODY_CAP = 64 * 1024;

    private NotFoundPage() {
    }

    /**
     * @param site the site
     * @return the path, e.g. {@code /preflight-3f9a0c1d2b4e5f60-not-found}, the same for all the target's probes
     * @throws Exception never in practice: the value is computed locally
     */
    public static String path(Site site) throws Exception {
        return site.context().shared(SharedKey.perTarget("http.not-found-path", String.class), () -> {
            return "/preflight-" + RandomTokens.hex(8) + "-not-found";
        });
    }

    /**
     * @param site the site
     * @param address where to ask
     * @return the answer to a GET of {@link #path}, capped at {@link #BODY_CAP}
     * @throws Exception if there was no answer in time
     */
    public static Page fetch(Site site, InetAddress address) throws Exception {
        return site.fetch(address, site.get(site.resolve(path(site))), BODY_CAP);
    }

    /**
     * Whether a page is the site's catch-all answer rather than something of its own: same status
     * and the same body once each page's own path is taken out (catch-all pages often echo it).
     *
     * @param baseline the answer for the path that cannot exist
     * @param page another answer of the same site
     * @return whether the page is the baseline again
     */
    public static boolean isSameAs(Page baseline, Page page) {
        if (baseline.status() != page.status()) {
            return false;
        }
        if (Arrays.equals(baseline.body(), page.body())) {
            return true;
        }
        return withoutPath(baseline).equals(withoutPath(page));
    }

    private static String withoutPath(Page page) {
        String text = new String(page.body(), StandardCharsets.UTF_8);
        String path = page.url().getRawPath();
        return path == null || path.isEmpty() ? text : text.replace(path, "");
    }
}
