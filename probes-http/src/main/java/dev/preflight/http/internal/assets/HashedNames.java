package dev.preflight.http.internal.assets;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Whether an asset's URL is fingerprinted, so that its content can never change under it: a part of
 * the file name (split at {@code .} and {@code -}) or a query value that is a build tool's hash.
 *
 * <p>A hash is 8 to 64 characters and either hexadecimal with at least one digit and one letter
 * (webpack and Angular's {@code main.3f2a9c1b.js}, {@code chunk.abc123def.js}, Next.js's
 * {@code _app-1a2b3c4d5e6f7a8b.js}, Rails' 64-digit digests), or base64url-like with a digit, an
 * upper-case and a lower-case letter (Vite and Rollup's {@code index-BQx12fZk.css}). Versions and
 * words are not hashes: {@code jquery-3.7.1.min.js} (short parts), {@code bootstrap.bundle.min.js},
 * {@code polyfills.js}, {@code ie11shim.js}, {@code es2015Polyfills.js} (camel-case words). A base64url hash without a digit or without both cases
 * is missed, and such an asset is reported as not fingerprinted rather than falsely judged.
 */
public final class HashedNames {
    private static final Pattern HEX = Pattern.compile("(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{8,64}");
    private static final Pattern BASE64URL = Pattern.compile(
            "(?=[A-Za-z0-9_]*[0-9])(?=[A-Za-z0-9_]*[a-z])(?=[A-Za-z0-9_]*[A-Z])[A-Za-z0-9_]{8,64}");
    /** Words in camel case with numbers, {@code es2015Polyfills}: a name, not a hash. */
    private static final Pattern WORDS = Pattern.compile("([a-z]+|[A-Z][a-z]+|[0-9]+)+");
    private static final Pattern PARTS = Pattern.compile("[.-]");

    private HashedNames() {
    }

    /**
     * @param url an asset's URL
     * @return whether its file name or a query value carries a content hash
     */
    public static boolean isHashed(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (String part : PARTS.split(name)) {
            if (isHash(part)) {
                return true;
            }
        }
        String query = url.getRawQuery() == null ? "" : url.getRawQuery();
        for (String pair : query.split("&")) {
            if (isHash(pair.substring(pair.indexOf('=') + 1))) {
                return true;
            }
        }
        return false;
    }

    static boolean isHash(String part) {
        return HEX.matcher(part).matches() || BASE64URL.matcher(part).matches() && !WORDS.matcher(part).matches();
    }
}
