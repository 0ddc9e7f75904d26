package dev.preflight.http;

import dev.preflight.http.internal.ContentCoding;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PathFailure;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.ReportingMargin;
import dev.preflight.http.internal.ScriptSources;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.assets.CacheLifetime;
import dev.preflight.http.internal.assets.CdnHeaders;
import dev.preflight.http.internal.assets.CdnHosts;
import dev.preflight.http.internal.assets.HashedNames;
import dev.preflight.http.internal.assets.PageAssets;
import dev.preflight.http.internal.paths.PathFinding;
import dev.preflight.http.internal.paths.PathFindings;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http.static-assets}: the page's fingerprinted scripts, stylesheets, fonts and images are
 * cached for a year, and its text assets come compressed.
 *
 * <p>The probe reads the landing page (redirects followed, shared with the target's other probes),
 * takes the same-origin assets it loads ({@code <script src>}, {@code <link rel="stylesheet">},
 * {@code <link rel="preload">} of a font, image, style or script, {@code rel="modulepreload"}), up
 * to {@code max-assets}, and GETs each with {@code Accept-Encoding: gzip, br}, reading at most
 * {@code max-bytes} of it. An asset is <em>fingerprinted</em> when its name carries a build tool's
 * content hash ({@code main.3f2a9c1b.js}, {@code index-BQx12fZk.css}, or a hash in the query),
 * never a version ({@code jquery-3.7.1.min.js}). Cross-origin assets are counted, not fetched.
 *
 * <p>Per asset: a fingerprinted one lasting a year or more in the browser's cache ({@code max-age},
 * else {@code Expires}; {@code no-cache}/{@code no-store} count as nothing) passes, as web.dev's
 * "Serve static assets with an efficient cache policy" asks: its name changes with its content, so
 * it can never go stale. Under a year but at least a day: WARN (every visitor downloads it again
 * within the lifetime). Under a day, {@code no-cache}, {@code no-store}, or no lifetime at all
 * (browsers then guess): FAIL. A missing {@code immutable} is listed in the details
 * ({@code withoutImmutable}) but judged nothing: only Firefox and Safari act on it, by not
 * revalidating on reload. A text asset (JavaScript, CSS, SVG, JSON…) of 1024 bytes or more sent
 * uncompressed: WARN, as {@code http.compression} judges the page. An asset answering other than
 * 2xx: WARN (the page links a broken asset). When no asset is fingerprinted: WARN, since none can be
 * cached for long without serving stale code after a deploy.
 *
 * <p>The probe's verdict is the worst asset's; {@code assets} in the details lists each with its
 * verdict, {@code cdn} the CDN or cache the answers' headers name (Cloudflare, CloudFront, Fastly,
 * Akamai, Vercel, Netlify, Azure Front Door, or a {@code Via}/{@code X-Cache} cache) and the one the
 * host's CNAME points at ({@code *.cloudfront.net}, {@code *.cdn.cloudflare.net}…; not asked when
 * the host's addresses are pinned with {@code --resolve}), as information. SKIP when the page loads no same-origin asset, and for targets without an
 * {@code http(s)} URL. ERROR when the page does not answer, or when the deadline came before every
 * asset was read and nothing worse was found.
 *
 * <p>Settings: {@code max-assets} (20), {@code max-bytes} per asset (262144, 256 KiB).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.4
 */
public final class StaticAssetsProbe implements Probe {
    private static final int DEFAULT_MAX_ASSETS = 20;
    private static final int DEFAULT_MAX_BYTES = 256 * 1024;
    private static final int MIN_COMPRESSIBLE = 1024;
    private static final long YEAR = 31_536_000L;
    private static final long DAY = 86_400L;
    private static final Set<String> TEXT_EXTENSIONS = Set.of("js", "mjs", "css", "svg", "json", "map", "txt", "xml");
    private static final String CACHE_REMEDY = "Serve fingerprinted assets with Cache-Control: public, max-age=31536000,"
            + " immutable (nginx: location /assets/ { add_header Cache-Control \"public, max-age=31536000, immutable\"; };"
            + " or expires max; Express: express.static(dir, { maxAge: '1y', immutable: true })).";
    private static final String COMPRESS_REMEDY = "Compress text assets (nginx: gzip on; gzip_types text/css"
            + " application/javascript application/json image/svg+xml; or precompress them with gzip_static on).";

    @Override
    public String id() {
        return "http.static-assets";
    }

    @Override
    public String title() {
        return "Fingerprinted static assets are cached for a year, text assets compressed";
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
        int maxAssets = context.settings().positiveInteger("max-assets", DEFAULT_MAX_ASSETS);
        int maxBytes = context.settings().positiveInteger("max-bytes", DEFAULT_MAX_BYTES);
        Site early = ReportingMargin.early(site);
        return PerAddress.check(early, address -> judge(early, address, maxAssets, maxBytes));
    }

    private static Result judge(Site site, InetAddress address, int maxAssets, int maxBytes) throws Exception {
        Page document = site.document(address);
        List<URI> all = PageAssets.of(document.text(), document.url());
        List<URI> own = all.stream().filter(a -> ScriptSources.sameOrigin(a, document.url())).toList();
        if (own.isEmpty()) {
            return Result.builder(Status.SKIP).summary("the page loads no same-origin script, stylesheet or preloaded"
                    + " asset" + (all.isEmpty() ? "" : " (" + all.size() + " from other origins, not read)"))
                    .detail("crossOriginAssets", all.size()).build();
        }
        List<PathFinding> findings = new ArrayList<>();
        List<String> unasked = new ArrayList<>();
        Set<String> cdn = new LinkedHashSet<>();
        List<String> withoutImmutable = new ArrayList<>();
        boolean anyHashed = false;
        for (URI asset : own.subList(0, Math.min(maxAssets, own.size()))) {
            String shown = SitePaths.path(asset);
            if (!unasked.isEmpty() || site.context().remaining().isZero()) {
                unasked.add(shown);
                continue;
            }
            boolean hashed = HashedNames.isHashed(asset);
            anyHashed |= hashed;
            try {
                Page answer = site.fetch(document.address(), site.get(asset).withHeader("Accept-Encoding", "gzip, br"),
                        maxBytes);
                CdnHeaders.of(answer).ifPresent(cdn::add);
                CacheLifetime lifetime = CacheLifetime.of(answer);
                if (hashed && answer.status() / 100 == 2 && !lifetime.immutable()) {
                    withoutImmutable.add(shown);
                }
                findings.add(judge(asset, shown, hashed, answer, lifetime));
            } catch (Exception e) {
                if (PathFailure.of(e, site.context()) == PathFailure.DEADLINE) {
                    unasked.add(shown);
                } else {
                    findings.add(new PathFinding(Status.ERROR, shown, NetworkFailures.describe(e, shown),
                            "Make sure " + shown + " answers, then check again."));
                }
            }
        }
        if (!anyHashed) {
            findings.add(new PathFinding(Status.WARN, "(every asset)", "no asset name carries a content hash"
                    + " (such as main.3f2a9c1b.js), so none can be cached for long without going stale after a deploy",
                    "Have the build put a content hash in asset names (webpack: [contenthash]; Vite and Next.js do by"
                            + " default), then " + CACHE_REMEDY.substring(0, 1).toLowerCase(Locale.ROOT)
                            + CACHE_REMEDY.substring(1)));
        }
        if (unasked.isEmpty() && !site.context().remaining().isZero()) {
            CdnHosts.of(site).ifPresent(cdn::add);
        }
        int read = findings.size() - (anyHashed ? 0 : 1);
        Result.Builder result = PathFindings.fold("assets", findings, unasked, read + " same-origin asset"
                + (read == 1 ? "" : "s") + " cached for a year when fingerprinted, compressed when text")
                .subject(site.endpoint())
                .detail("page", SitePaths.path(document.url()))
                .detail("crossOriginAssets", all.size() - own.size())
                .detail("cdn", cdn.isEmpty() ? "none seen in response headers" : String.join(", ", cdn));
        if (!withoutImmutable.isEmpty()) {
            result.detail("withoutImmutable", withoutImmutable);
        }
        if (own.size() > maxAssets) {
            result.detail("skippedAssets", own.size() - maxAssets);
        }
        return result.build();
    }

    private static PathFinding judge(URI asset, String shown, boolean hashed, Page answer, CacheLifetime lifetime) {
        if (answer.status() / 100 != 2) {
            return new PathFinding(Status.WARN, shown, "answers " + answer.status() + ": the page links a broken asset",
                    "Fix or remove the page's link to " + shown + ".");
        }
        String encoding = ContentCoding.of(answer);
        String type = answer.mediaType();
        boolean text = type.isEmpty() ? TEXT_EXTENSIONS.contains(extension(asset)) : ContentCoding.isText(type);
        boolean uncompressed = text && encoding.isEmpty() && answer.body().length >= MIN_COMPRESSIBLE;
        String compression = !text ? "" : encoding.isEmpty() ? (uncompressed ? ", not compressed" : ", too small to"
                + " compress") : ", " + encoding;
        if (!hashed) {
            return uncompressed
                    ? new PathFinding(Status.WARN, shown, "not fingerprinted" + compression + " although the client"
                            + " accepts gzip, br", COMPRESS_REMEDY)
                    : new PathFinding(Status.PASS, shown, "not fingerprinted, caching not judged" + compression, null);
        }
        Optional<Long> seconds = lifetime.seconds();
        String cached = seconds.isEmpty() ? "no cache lifetime (no Cache-Control max-age or Expires)"
                : seconds.get() == 0 ? "not cached (" + (lifetime.malformed() ? "malformed max-age"
                        : "no-cache, no-store or max-age=0") + ")" : "cached " + CacheLifetime.describe(seconds.get());
        if (seconds.isEmpty() || seconds.get() < DAY) {
            return new PathFinding(Status.FAIL, shown, "fingerprinted but " + cached + compression, CACHE_REMEDY
                    + (uncompressed ? " " + COMPRESS_REMEDY : ""));
        }
        if (seconds.get() < YEAR) {
            return new PathFinding(Status.WARN, shown, "fingerprinted but " + cached + ", under a year" + compression,
                    CACHE_REMEDY + (uncompressed ? " " + COMPRESS_REMEDY : ""));
        }
        if (uncompressed) {
            return new PathFinding(Status.WARN, shown, "fingerprinted, " + cached + compression + " although the client"
                    + " accepts gzip, br", COMPRESS_REMEDY);
        }
        return new PathFinding(Status.PASS, shown, "fingerprinted, " + cached + (lifetime.immutable() ? ", immutable"
                : "") + compression, null);
    }

    private static String extension(URI asset) {
        String path = asset.getRawPath() == null ? "" : asset.getRawPath();
        int dot = path.lastIndexOf('.');
        return dot < path.lastIndexOf('/') || dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
