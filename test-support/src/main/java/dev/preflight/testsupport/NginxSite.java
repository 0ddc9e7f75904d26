package dev.preflight.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code server} block of an {@link NginxServer}: a virtual host chosen by SNI and {@code Host},
 * over HTTPS with its own certificate chain or over plain HTTP. By default it answers every path
 * with 200 and a small HTML page; {@link #header} adds response headers ({@code add_header ...
 * always}, so error answers carry them too) and {@link #directives} adds raw nginx directives, e.g.
 * {@code return 301 https://$host$request_uri;} or {@code ssl_protocols TLSv1.2;}.
 *
 * <pre>{@code
 * NginxSite shop = NginxSite.https("shop.test", leaf, intermediate)
 *         .header("Strict-Transport-Security", "max-age=63072000; includeSubDomains")
 *         .respond(200, "<!doctype html><title>shop</title>");
 * NginxSite redirect = NginxSite.http("shop.test").directives("return 301 https://$host$request_uri;");
 * }</pre>
 *
 * <p>Header values and bodies go into double-quoted nginx strings: quotes and backslashes are
 * escaped, but {@code $name} still names an nginx variable. Not thread-safe.
 *
 * @since 0.1
 */
public final class NginxSite {
    private final String serverName;
    private final HeldCertificate leaf;
    private final List<HeldCertificate> intermediates;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> directives = new ArrayList<>();
    private Integer status;
    private String body;
    private boolean defaultServer;

    private NginxSite(String serverName, HeldCertificate leaf, List<HeldCertificate> intermediates) {
        this.serverName = Objects.requireNonNull(serverName, "'serverName' must not be null");
        this.leaf = leaf;
        this.intermediates = intermediates;
    }

    /**
     * @param serverName the {@code server_name}, e.g. {@code shop.test}
     * @param leaf the certificate and key to serve
     * @param intermediates certificates to send after the leaf, in order (leave them out to serve a
     *     leaf-only chain)
     * @return an HTTPS site on the server's {@link NginxServer#httpsPort()}
     */
    public static NginxSite https(String serverName, HeldCertificate leaf, HeldCertificate... intermediates) {
        return new NginxSite(serverName, Objects.requireNonNull(leaf, "'leaf' must not be null"),
                List.of(intermediates));
    }

    /**
     * @param serverName the {@code server_name}
     * @return a plain HTTP site on the server's {@link NginxServer#httpPort()}
     */
    public static NginxSite http(String serverName) {
        return new NginxSite(serverName, null, List.of());
    }

    /** @param name a response header @param value its value @return this site */
    public NginxSite header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * Answers every path with this status and body (default 200 and a small page).
     *
     * @param status the status
     * @param body the body, served as {@code text/html}
     * @return this site
     */
    public NginxSite respond(int status, String body) {
        this.status = status;
        this.body = body;
        return this;
    }

    /**
     * Raw directives inside the {@code server} block. Without {@link #respond}, the default
     * {@code location /} is then left out, so that the directives may define their own.
     *
     * @param raw nginx directives, each ending in {@code ;} or a block
     * @return this site
     */
    public NginxSite directives(String raw) {
        directives.add(raw);
        return this;
    }

    /** @return this site, answering requests whose name matches no other site on its port */
    public NginxSite defaultServer() {
        this.defaultServer = true;
        return this;
    }

    boolean isHttps() {
        return leaf != null;
    }

    /** @return the certificate file's content: the leaf, then the intermediates */
    String chainPem() {
        StringBuilder pem = new StringBuilder(leaf.certificatePem());
        intermediates.forEach(c -> pem.append(c.certificatePem()));
        return pem.toString();
    }

    String keyPem() {
        return leaf.privateKeyPem();
    }

    /**
     * @param certificateFile absolute path of {@link #chainPem()}, for HTTPS sites
     * @param keyFile absolute path of {@link #keyPem()}, for HTTPS sites
     * @return the {@code server} block, with the server's port placeholders
     */
    String render(String certificateFile, String keyFile) {
        StringBuilder s = new StringBuilder("server {\n");
        s.append("    listen 127.0.0.1:").append(isHttps() ? "${httpsPort} ssl" : "${httpPort}")
                .append(defaultServer ? " default_server" : "").append(";\n");
        s.append("    server_name ").append(serverName).append(";\n");
        if (isHttps()) {
            s.append("    ssl_certificate ").append(certificateFile).append(";\n");
            s.append("    ssl_certificate_key ").append(keyFile).append(";\n");
        }
        headers.forEach((name, value) -> s.append("    add_header ").append(quoted(name)).append(' ')
                .append(quoted(value)).append(" always;\n"));
        directives.forEach(d -> s.append("    ").append(d.strip()).append('\n'));
        if (status != null || directives.isEmpty()) {
            int code = status != null ? status : 200;
            String text = body != null ? body : "<!doctype html><title>" + serverName + "</title><p>" + serverName + "\n";
            s.append("    location / {\n        default_type text/html;\n        return ").append(code).append(' ')
                    .append(quoted(text)).append(";\n    }\n");
        }
        return s.append("}\n").toString();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
