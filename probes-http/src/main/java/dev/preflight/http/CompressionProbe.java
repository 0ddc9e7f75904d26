package dev.preflight.http;

import dev.preflight.http.internal.ContentCoding;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Site;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.util.Locale;

/**
 * {@code http.compression}: the document the target URL leads to (redirects followed) comes
 * compressed when the client accepts it, or, in the BREACH view, does not.
 *
 * <p>The document is the one every probe of the site shares, fetched with
 * {@code Accept-Encoding: gzip}; only when that answer is not compressed is it asked for again with
 * {@code Accept-Encoding: br, gzip}, so that a brotli-only server is not taken for an uncompressed
 * one. Text is {@code text/*}, JSON, JavaScript, XML and SVG (including {@code +json} and
 * {@code +xml} types); other types are SKIPped, as are bodies under {@code min-size} (1024) bytes
 * (PASS: too small to gain).
 *
 * <p>With {@code expect} = {@code compressed} (the default): PASS when compressed (the encoding is
 * in the details), WARN when a text body of {@code min-size} bytes or more comes uncompressed.
 * With {@code expect} = {@code uncompressed}, for pages that carry secrets next to reflected input
 * (the BREACH attack reads them through compressed sizes): WARN when compressed, PASS when not.
 * SKIP for a target without an {@code http(s)} URL or a non-text document; ERROR when the site does
 * not answer.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CompressionProbe implements Probe {
    private static final int DEFAULT_MIN_SIZE = 1024;

    @Override
    public String id() {
        return "http.compression";
    }

    @Override
    public String title() {
        return "Text responses are compressed when the client accepts it (or not, for BREACH)";
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
        String expect = context.settings().string("expect").orElse("compressed").strip().toLowerCase(Locale.ROOT);
        if (!expect.equals("compressed") && !expect.equals("uncompressed")) {
            throw context.settings().invalid("expect", "must be compressed or uncompressed");
        }
        int minSize = context.settings().integer("min-size", DEFAULT_MIN_SIZE);
        boolean wantCompressed = expect.equals("compressed");
        return PerAddress.check(site, address -> judge(site, address, wantCompressed, minSize));
    }

    private static Result judge(Site site, InetAddress address, boolean wantCompressed, int minSize)
            throws Exception {
        Page document = site.document(address);
        String type = document.mediaType();
        if (!ContentCoding.isText(type)) {
            return Result.builder(Status.SKIP).summary("the document is " + (type.isEmpty() ? "of no declared type"
                    : type) + ", not text: compression not judged").detail("url", document.url().toString()).build();
        }
        String encoding = ContentCoding.of(document);
        String asked = "gzip";
        Page answer = document;
        if (encoding.isEmpty() && document.body().length >= minSize) {
            // The shared fetch offered gzip only; a brotli-only server shows itself to this one.
            answer = site.fetch(document.address(), site.get(document.url()).withHeader("Accept-Encoding", "br, gzip"));
            encoding = ContentCoding.of(answer);
            asked = "br, gzip";
        }
        int size = document.body().length;
        String sizeText = (document.truncated() ? "over " : "") + size + "-byte " + type;
        Result.Builder result;
        if (!encoding.isEmpty()) {
            result = wantCompressed ? Result.builder(Status.PASS).summary(type + " compressed with " + encoding)
                    : Result.builder(Status.WARN).summary(type + " is compressed with " + encoding
                            + " although this target expects no compression (BREACH)")
                            .remediation("Turn compression off for responses that carry secrets next to reflected"
                                    + " input (nginx: gzip off; brotli off; in that location), or mask such"
                                    + " tokens anew in every response.");
        } else if (size < minSize) {
            result = Result.builder(Status.PASS).summary(sizeText + " is too small to gain from compression");
        } else {
            result = wantCompressed ? Result.builder(Status.WARN).summary(sizeText + " is not compressed although"
                    + " the client accepts " + asked).remediation("Enable compression for text types (nginx: gzip on;"
                    + " gzip_types text/css application/javascript application/json image/svg+xml; Apache:"
                    + " AddOutputFilterByType DEFLATE text/html text/css application/javascript application/json;"
                    + " Express: app.use(compression())).")
                    : Result.builder(Status.PASS).summary(sizeText + " is not compressed, as this target expects");
        }
        return result.subject(document.url().toString()).detail("url", document.url().toString())
                .detail("contentType", type).detail("encoding", encoding.isEmpty() ? "none" : encoding)
                .detail("bytes", size).detail("acceptEncoding", asked)
                .detail("compressedBytes", encoding.isEmpty() ? null : contentLength(answer))
                .detail("expect", wantCompressed ? "compressed" : "uncompressed").build();
    }

    private static Long contentLength(Page page) {
        try {
            return page.header("Content-Length").map(v -> Long.parseLong(v.strip())).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
