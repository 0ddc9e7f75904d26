package dev.preflight.http;

import dev.preflight.http.internal.BundleScanner;
import dev.preflight.http.internal.Leak;
import dev.preflight.http.internal.NotFoundPage;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PathFailure;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.ScriptSources;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SourceMaps;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http.frontend-bundle}: the landing page and the scripts it loads carry no secret or
 * test-mode keys, no development API addresses, and no public source maps.
 *
 * <p>The probe reads the landing page (redirects followed, shared with the target's other probes)
 * and the same-origin scripts it loads with {@code <script src>}, up to {@code max-scripts} of them,
 * each read up to {@code max-bytes}. It looks for secret keys ({@code sk_live_}, {@code sk_test_},
 * {@code rk_live_}, {@code whsec_}, AWS {@code AKIA…} ids), test-mode publishable keys
 * ({@code pk_test_}, {@code rzp_test_}), localhost addresses with a port or an API path
 * ({@code http://localhost:8080/api}, {@code "127.0.0.1:3000"}, {@code 0.0.0.0}), plain
 * {@code http://} API base URLs in scripts, and source maps that anyone can download (the one a
 * script declares with {@code sourceMappingURL} or a {@code SourceMap} header, else
 * {@code <script>.map}). Publishable live keys ({@code pk_live_}) are meant to be public and pass.
 * Keys are reported masked ({@code sk_live_…4242}), never whole, and URLs without query or
 * credentials.
 *
 * <p>FAIL for a secret key, a test-mode key or a localhost address. WARN for a plain-HTTP API URL
 * or a public source map. PASS otherwise. SKIP for targets without an {@code http(s)://} URL. ERROR
 * when the landing page does not answer, or when the deadline came before every script was read and
 * nothing was found by then. Cross-origin scripts (CDNs, Stripe.js) are not read.
 *
 * <p>Settings: {@code max-scripts} (20), {@code max-bytes} per script (2097152, 2 MB).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class FrontendBundleProbe implements Probe {
    private static final int DEFAULT_MAX_SCRIPTS = 20;
    private static final int DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

    @Override
    public String id() {
        return "http.frontend-bundle";
    }

    @Override
    public String title() {
        return "The front end leaks no secret or test keys, local API addresses or source maps";
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
        int maxScripts = context.settings().positiveInteger("max-scripts", DEFAULT_MAX_SCRIPTS);
        int maxBytes = context.settings().positiveInteger("max-bytes", DEFAULT_MAX_BYTES);
        return PerAddress.check(site, address -> new Reading(site, maxBytes).judge(address, maxScripts));
    }

    /** A leak and the file it was found in. */
    private record Found(String file, Leak leak) {
        String describe() {
            return file + ": " + leak.label() + " " + leak.evidence();
        }
    }

    /** One address's reading of the page and its scripts. */
    private static final class Reading {
        private final Site site;
        private final int maxBytes;
        private final Set<Found> found = new LinkedHashSet<>();
        private final List<String> scripts = new ArrayList<>();
        private final List<String> truncated = new ArrayList<>();
        private final List<String> unread = new ArrayList<>();
        private boolean complete = true;

        Reading(Site site, int maxBytes) {
            this.site = site;
            this.maxBytes = maxBytes;
        }

        Result judge(InetAddress address, int maxScripts) throws Exception {
            Page document = site.document(address);
            String html = document.text();
            String page = path(document.url());
            BundleScanner.scan(html, false).forEach(l -> found.add(new Found(page, l)));
            BundleScanner.scan(ScriptSources.inline(html), true).stream()
                    .filter(l -> l.kind() == Leak.Kind.PLAIN_HTTP_API).forEach(l -> found.add(new Found(page, l)));
            List<URI> sources = ScriptSources.of(html, document.url());
            List<URI> own = sources.stream().filter(s -> ScriptSources.sameOrigin(s, document.url())).toList();
            for (URI script : own.subList(0, Math.min(maxScripts, own.size()))) {
                if (!read(document.address(), script)) {
                    complete = false;
                    break;
                }
            }
            return verdict(page, sources.size() - own.size(), Math.max(0, own.size() - maxScripts));
        }

        /** @return false when the deadline came */
        private boolean read(InetAddress address, URI script) throws Exception {
            String file = path(script);
            try {
                Page js = site.fetch(address, site.get(script), maxBytes);
                if (js.status() < 200 || js.status() >= 300) {
                    unread.add(file + " (" + js.status() + ")");
                    return true;
                }
                scripts.add(file);
                if (js.truncated()) {
                    truncated.add(file);
                }
                BundleScanner.scan(js.text(), true).forEach(l -> found.add(new Found(file, l)));
                sourceMap(address, script, js).ifPresent(l -> found.add(new Found(file, l)));
                return true;
            } catch (Exception e) {
                if (PathFailure.of(e, site.context()) == PathFailure.DEADLINE) {
                    return false;
                }
                unread.add(file + " (no answer)");
                return true;
            }
        }

        private Optional<Leak> sourceMap(InetAddress address, URI script, Page js) throws Exception {
            Optional<String> declared = SourceMaps.declared(js);
            if (declared.isPresent() && declared.get().regionMatches(true, 0, "data:", 0, 5)) {
                return Optional.of(new Leak(Leak.Kind.SOURCE_MAP, "inline source map", "(data: URL)"));
            }
            URI map;
            try {
                map = declared.isPresent() ? script.resolve(declared.get())
                        : SourceMaps.conventional(script).orElse(null);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (map == null || !ScriptSources.sameOrigin(map, script)) {
                return Optional.empty();
            }
            Page answer = site.fetch(address, site.get(map), NotFoundPage.BODY_CAP);
            return SourceMaps.isSourceMap(answer)
                    ? Optional.of(new Leak(Leak.Kind.SOURCE_MAP, "public source map", path(map)))
                    : Optional.empty();
        }

        private Result verdict(String page, int crossOrigin, int skipped) {
            List<Found> all = new ArrayList<>(found);
            all.sort(Comparator.comparingInt((Found f) -> -f.leak().kind().status().severity()));
            Result.Builder result;
            if (!all.isEmpty()) {
                Found first = all.get(0);
                int more = all.size() - 1;
                Set<String> remedies = new LinkedHashSet<>();
                all.forEach(f -> remedies.add(f.leak().kind().remediation()));
                result = Result.builder(first.leak().kind().status())
                        .summary(article(first.leak().label()) + " (" + first.leak().evidence() + ") in " + first.file()
                                + (more > 0 ? " (and " + more + " more finding" + (more > 1 ? "s" : "") + ")" : ""))
                        .remediation(String.join(" ", remedies));
            } else if (!complete) {
                result = Result.builder(Status.ERROR).summary("the deadline came after " + scripts.size()
                        + " scripts; nothing found in them");
            } else {
                result = Result.builder(Status.PASS).summary("no secret or test key, local address or public source map"
                        + " in " + page + " and " + scripts.size() + " same-origin script"
                        + (scripts.size() == 1 ? "" : "s"));
            }
            result.subject(site.endpoint())
                    .detail("findings", all.stream().map(Found::describe).toList())
                    .detail("page", page)
                    .detail("scripts", scripts)
                    .detail("crossOriginScripts", crossOrigin);
            if (skipped > 0) {
                result.detail("skippedScripts", skipped);
            }
            if (!truncated.isEmpty()) {
                result.detail("truncated", truncated);
            }
            if (!unread.isEmpty()) {
                result.detail("unread", unread);
            }
            if (!complete) {
                result.detail("complete", false);
            }
            return result.build();
        }
    }

    private static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    private static String article(String label) {
        return ("AEIOUaeiou".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label;
    }
}
