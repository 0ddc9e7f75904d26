package dev.preflight.payments.internal;

import dev.preflight.probe.Target;
import dev.preflight.targets.TargetBlock;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** The web addresses a payment block may name ({@code webhook-url}, {@code api-base}), checked as they are read. */
public final class BlockUrls {
    private BlockUrls() {
    }

    /**
     * Copies each present key to a target attribute, if it holds an http(s) URL with a host.
     *
     * @param block the payment block
     * @param keys the keys holding URLs
     * @param into the target being read
     * @throws dev.preflight.ConfigException at the key, for anything else
     */
    public static void copy(TargetBlock block, List<String> keys, Target.Builder into) {
        for (String key : keys) {
            block.optional(key).ifPresent(url -> {
                if (!isWeb(url)) {
                    throw block.error(key, "'" + display(url) + "' is not an https:// URL; write it in full, e.g."
                            + " https://shop.example.com/webhooks/payments");
                }
                into.attribute(key, url);
            });
        }
    }

    private static boolean isWeb(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && uri.getPort() <= 65535;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Everything up to the last {@code @} may be credentials, even with an unencoded {@code @} in the password. */
    private static String display(String url) {
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int sep = url.indexOf("://");
        return (sep >= 0 && sep < at ? url.substring(0, sep + 3) : "") + "…@" + url.substring(at + 1);
    }
}
