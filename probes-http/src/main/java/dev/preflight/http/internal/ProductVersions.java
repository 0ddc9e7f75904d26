package dev.preflight.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds software versions in banner headers such as {@code Server} and {@code X-Powered-By}:
 * {@code nginx/1.22.1}, {@code Apache/2.4.57 (Debian) OpenSSL/3.0.11}, {@code Jetty(9.4.44.v2021…)},
 * {@code WordPress 6.4.2}; and says how to hide them in the common servers and frameworks.
 */
public final class ProductVersions {
    /** A product name, then {@code /}, spaces or {@code (}, then a dotted number that ends there. */
    private static final Pattern VERSIONED = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_+.-]*?)(?:/|\\s+|\\s*\\()v?(\\d+(?:\\.\\d+)*)(?![\\w])");

    private ProductVersions() {
    }

    /**
     * @param header the header's name
     * @param value its value
     * @return each versioned product, e.g. {@code nginx/1.22.1}; a header that is nothing but a version
     *     ({@code X-AspNet-Version: 4.0.30319}) names its product after the header
     */
    public static List<String> in(String header, String value) {
        List<String> found = new ArrayList<>();
        Matcher m = VERSIONED.matcher(value);
        while (m.find()) {
            found.add(m.group(1) + "/" + m.group(2));
        }
        String h = header.toLowerCase(Locale.ROOT);
        if (found.isEmpty() && h.endsWith("-version") && value.strip().matches("v?\\d+(\\.\\d+)*\\S*")) {
            found.add((h.equals("x-aspnetmvc-version") ? "ASP.NET MVC" : h.equals("x-aspnet-version") ? "ASP.NET"
                    : header) + "/" + value.strip());
        }
        return found;
    }

    /**
     * @param header the header's name
     * @param value its value
     * @return how to stop the header revealing the product (and version)
     */
    public static String remedy(String header, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        String h = header.toLowerCase(Locale.ROOT);
        if (h.equals("x-aspnet-version")) {
            return "ASP.NET: set <httpRuntime enableVersionHeader=\"false\" /> in web.config.";
        }
        if (h.equals("x-aspnetmvc-version")) {
            return "ASP.NET MVC: set MvcHandler.DisableMvcResponseHeader = true at startup.";
        }
        if (h.equals("x-powered-by") && v.contains("php")) {
            return "PHP: set expose_php = Off in php.ini.";
        }
        if (h.equals("x-powered-by") && v.contains("express")) {
            return "Express: call app.disable('x-powered-by') (or use helmet).";
        }
        if (v.contains("nginx") || v.contains("openresty")) {
            return "nginx: set server_tokens off; in the http block.";
        }
        if (v.contains("apache-coyote") || v.contains("tomcat")) {
            return "Tomcat: set the Connector's server attribute (e.g. server=\"\").";
        }
        if (v.contains("apache")) {
            return "Apache: set ServerTokens Prod and ServerSignature Off.";
        }
        if (v.contains("microsoft-iis")) {
            return "IIS: set <requestFiltering removeServerHeader=\"true\" /> (IIS 10+).";
        }
        if (v.contains("jetty")) {
            return "Jetty: call HttpConfiguration.setSendServerVersion(false).";
        }
        return "Remove or blank the " + header + " header, at the application or at the proxy in front of it"
                + " (nginx: proxy_hide_header " + header + "; Apache: Header unset " + header + ").";
    }
}
