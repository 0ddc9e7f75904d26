package dev.preflight.dns.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * DKIM selectors (RFC 6376 3.1): which ones to try when a domain's are not known, and what a
 * selector may look like. Shared by {@code dns.dkim} and the mail probes that look for a key.
 */
public final class DkimSelectors {
    /** Selectors tried when none are configured: Google Workspace, Microsoft 365, common signers. */
    public static final List<String> COMMON = List.of("google", "selector1", "selector2", "k1", "k2", "s1", "s2",
            "default", "mail", "dkim", "smtp", "mx", "email");
    /** RFC 6376 3.1: {@code selector = sub-domain *( "." sub-domain )}. */
    private static final Pattern SELECTOR = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private DkimSelectors() {
    }

    /** @param selector a selector as configured @return whether it is a sequence of DNS labels */
    public static boolean isSelector(String selector) {
        return selector != null && SELECTOR.matcher(selector).matches();
    }
}
