package dev.preflight.http.internal;

import dev.preflight.probe.Status;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the non-canonical one of a site's www and apex names answers over {@code https://}: it should
 * redirect permanently to the same path on the canonical name, over {@code https://}. Judged from
 * one answer, as {@code http.www-apex} documents.
 */
public final class TwinRedirect {
    private TwinRedirect() {
    }

    /**
     * @param page the non-canonical name's answer to a GET of {@code path}
     * @param other the non-canonical name
     * @param canonical the canonical name
     * @param path the path asked for
     * @return what is wrong, or one PASS note saying what it does right
     */
    public static List<Finding> judge(Page page, String other, String canonical, String path) {
        String how = "Redirect every request for " + other + " to https://" + canonical + " with the same path, in one"
                + " permanent hop (nginx: server { server_name " + other + "; return 301 https://" + canonical
                + "$request_uri; }; Apache: Redirect permanent / https://" + canonical + "/; a CDN: its redirect rule).";
        String from = SitePaths.shown(page.url());
        List<Finding> findings = new ArrayList<>();
        if (!page.isRedirect()) {
            int status = page.status();
            if (status >= 200 && status < 300) {
                findings.add(new Finding(Status.WARN, from + " serves content (" + status + ") instead of redirecting to "
                        + canonical + ": the same pages under two names split search ranking and cookies", how));
            } else {
                findings.add(new Finding(Status.FAIL, from + " answers " + status + " instead of redirecting to "
                        + canonical + ": visitors typing " + other + " get an error", how));
            }
            return findings;
        }
        URI target = page.location().filter(u -> u.getHost() != null).orElse(null);
        if (target == null) {
            findings.add(new Finding(Status.FAIL, from + " redirects to a Location that is not a valid URL", how));
            return findings;
        }
        String host = target.getHost().toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String to = SitePaths.shown(target);
        if (!host.equals(canonical)) {
            findings.add(host.equals(other)
                    ? new Finding(Status.WARN, from + " redirects within " + other + " (to " + to + ") instead of to "
                            + canonical, how)
                    : new Finding(Status.FAIL, from + " redirects to another host, " + host + ", not to " + canonical,
                            how));
            return findings;
        }
        int status = page.status();
        if (status != 301 && status != 308) {
            findings.add(new Finding(Status.WARN, from + " redirects to " + canonical + " with " + status + ", a temporary"
                    + " redirect: browsers and search engines keep asking " + other, "Use 301 or 308. " + how));
        }
        if (!"https".equalsIgnoreCase(target.getScheme())) {
            findings.add(new Finding(Status.WARN, from + " redirects to " + to + " over plain HTTP, an extra hop that"
                    + " can be tampered with", how));
        }
        String kept = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        if (!kept.equals(path)) {
            findings.add(new Finding(Status.WARN, from + " redirects to " + to + ", dropping the path " + path
                    + ": deep links to " + other + " land elsewhere", "Keep the path: nginx $request_uri, Apache"
                    + " Redirect (which appends it). " + how));
        }
        if (findings.isEmpty()) {
            findings.add(new Finding(Status.PASS, from + " redirects permanently (" + status + ") to " + to, null));
        }
        return findings;
    }
}
