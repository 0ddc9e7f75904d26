package dev.preflight.support;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises host names that stand in for the real one, as sample files and tutorials write them: the
 * environment probes fail them, and an environment file's URL on one is not made a network target (the
 * host belongs to somebody else, or to nobody).
 *
 * <ul>
 * <li>Names reserved for documentation, which never reach a deployment: {@code example.com},
 *     {@code example.net}, {@code example.org} and their subdomains, and the TLDs {@code .example}
 *     and {@code .invalid} (RFC 2606 §2, §3).</li>
 * <li>In production only, the special-use TLD {@code .test} (RFC 6761 §6.2), which developers use on
 *     their own machines ({@code myapp.test}). {@code localhost} and {@code .localhost} (§6.3) are
 *     loopback, which each probe judges on its own terms.</li>
 * <li>Words: a label starting with {@code your} ({@code your-db-host}, {@code yourdomain}), ending in
 *     {@code -here}, {@code my-…-host}, a {@code my} site word ({@code mydomain}, {@code myapp});
 *     the literal names {@code host}, {@code hostname}, {@code domain} and the
 *     like; runs of {@code x} ({@code xxx.ingest.sentry.io}); and generic template names such as
 *     {@code domain.com}.</li>
 * </ul>
 * Host names are not secret, so reasons quote them.
 *
 * @since 0.2
 */
public final class TemplateHosts {
    private static final Set<String> LITERALS = Set.of("host", "hostname", "your_host", "domain", "servername",
            "db_host", "dbhost", "redis_host", "ip", "ip_address", "address", "url", "changeme", "placeholder",
            "example", "todo", "tbd");
    private static final Set<String> TEMPLATE_DOMAINS = Set.of("domain.com", "mydomain.com", "yourdomain.com",
            "yoursite.com", "mysite.com", "myapp.com", "yourapp.com", "company.com", "yourcompany.com",
            "mycompany.com");
    private static final Pattern MY_WORD = Pattern.compile("my[-_]?(domain|site|app|company|server|host|project|website"
            + "|shop|store|db|redis|api|frontend|backend)s?");
    private static final Pattern X_LABEL = Pattern.compile("x{3,}");

    private TemplateHosts() {
    }

    /**
     * @param host a host name, any case, IPv6 in brackets
     * @param stage the stage the file serves
     * @return why it is a template, e.g. {@code "is a documentation domain (example.com, RFC 2606)"};
     *     empty for a real-looking host
     */
    public static Optional<String> reason(String host, Stage stage) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        if (h.isEmpty() || h.startsWith("[")) {
            return Optional.empty();
        }
        String shown = "'" + h + "'";
        for (String reserved : new String[] {"example.com", "example.net", "example.org"}) {
            if (h.equals(reserved) || h.endsWith("." + reserved)) {
                return Optional.of("host " + shown + " is a documentation domain (" + reserved + ", RFC 2606), a template");
            }
        }
        String tld = h.substring(h.lastIndexOf('.') + 1);
        if (h.contains(".") && (tld.equals("example") || tld.equals("invalid"))) {
            return Optional.of("host " + shown + " is under the reserved ." + tld + " TLD (RFC 2606), a template");
        }
        if (stage.isProduction() && h.contains(".") && tld.equals("test")) {
            return Optional.of("host " + shown + " is under the ." + tld + " TLD (RFC 6761), for development only");
        }
        if (LITERALS.contains(h) || TEMPLATE_DOMAINS.contains(h)) {
            return Optional.of("host " + shown + " is a template placeholder");
        }
        for (String label : h.split("\\.")) {
            if (label.startsWith("your") || label.endsWith("-here") || label.endsWith("_here")
                    || label.startsWith("my-") && label.endsWith("-host") || MY_WORD.matcher(label).matches()
                    || X_LABEL.matcher(label).matches() || label.equals("changeme") || label.equals("placeholder")) {
                return Optional.of("host " + shown + " is a template placeholder");
            }
        }
        return Optional.empty();
    }
}
