package dev.preflight.env.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A connection URL from an environment file ({@code postgresql://user:pw@db:5432/app?sslmode=require},
 * {@code rediss://:pw@cache:6380/0}, {@code https://shop.example.com}), parsed leniently enough for
 * the forms drivers accept that {@link java.net.URI} rejects: several hosts
 * ({@code postgresql://a:5432,b:5432/db}), an empty host for a Unix socket, a {@code +driver} suffix
 * on the scheme ({@code postgresql+asyncpg://}).
 *
 * <p>Parse errors never quote the URL, which may carry a password. {@link #display()} is the only
 * printable form. Immutable.
 *
 * @since 0.1
 */
public final class EnvUrl {
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final Pattern HOST = Pattern.compile("[a-z0-9._~%-]+");

    private final String scheme;
    private final String user;
    private final String password;
    private final List<String> hosts;
    private final int port;
    private final String path;
    private final Map<String, String> query;

    private EnvUrl(String scheme, String user, String password, List<String> hosts, int port, String path,
            Map<String, String> query) {
        this.scheme = scheme;
        this.user = user;
        this.password = password;
        this.hosts = List.copyOf(hosts);
        this.port = port;
        this.path = path;
        this.query = Collections.unmodifiableMap(query);
    }

    /**
     * @param text a URL; surrounding quotes and whitespace are ignored
     * @return the parsed URL
     * @throws IllegalArgumentException with a reason that does not quote the text
     */
    public static EnvUrl parse(String text) {
        String s = Variables.clean(text);
        int sep = s.indexOf("://");
        if (s.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        if (sep <= 0) {
            throw new IllegalArgumentException("is not a URL (expected scheme://host…)");
        }
        String scheme = s.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            throw new IllegalArgumentException("has an invalid scheme");
        }
        String rest = s.substring(sep + 3);
        int authorityEnd = indexOfAny(rest, "/?#");
        String authority = rest.substring(0, authorityEnd);
        String tail = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? null : authority.substring(0, at);
        String hostPorts = authority.substring(at + 1);
        List<String> hosts = new ArrayList<>();
        int port = -1;
        try {
            for (String entry : hostPorts.isEmpty() ? new String[0] : hostPorts.split(",", -1)) {
                HostPort hostPort = hostPort(entry);
                hosts.add(hostPort.host);
                port = port < 0 ? hostPort.port : port;
            }
        } catch (IllegalArgumentException e) {
            // "user:pa/ss@host" cuts the authority at the '/', leaving "user:pa" to parse as host and port.
            if (at < 0 && rest.indexOf('@') > authorityEnd) {
                throw new IllegalArgumentException(
                        e.getMessage() + " (a password with '/', '?' or '#' must be percent-encoded)");
            }
            throw e;
        }
        int fragment = tail.indexOf('#') < 0 ? tail.length() : tail.indexOf('#');
        int pathEnd = indexOfAny(tail, "?#");
        String pathPart = tail.substring(0, pathEnd);
        String queryPart = pathEnd < fragment ? tail.substring(pathEnd + 1, fragment) : "";
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        String user = userInfo == null ? null : colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? null : userInfo.substring(colon + 1);
        return new EnvUrl(scheme, user, password, hosts, port, pathPart, query(queryPart));
    }

    /**
     * The scheme of a value that looks like a URL, without parsing the rest, so a probe can tell
     * whether a URL is its own before judging its syntax.
     *
     * @param text a value
     * @return the base scheme in lower case, without a {@code +driver} suffix or {@code jdbc:} prefix
     */
    public static Optional<String> schemeOf(String text) {
        String s = Variables.clean(text).toLowerCase(Locale.ROOT);
        s = s.startsWith("jdbc:") ? s.substring(5) : s;
        int sep = s.indexOf("://");
        if (sep <= 0) {
            return Optional.empty();
        }
        String scheme = s.substring(0, sep);
        return Optional.of(scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme);
    }

    private static HostPort hostPort(String hostPort) {
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("has an unclosed IPv6 address");
            }
            host = hostPort.substring(0, close + 1);
            boolean hasPort = close + 1 < hostPort.length() && hostPort.charAt(close + 1) == ':';
            portText = hasPort ? hostPort.substring(close + 2) : null;
            if (portText == null && close + 1 < hostPort.length()) {
                throw new IllegalArgumentException("has an invalid host");
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
            if (host.isEmpty() || !HOST.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
                throw new IllegalArgumentException("has an invalid host");
            }
        }
        int port = portText != null && portText.matches("\\d{1,5}") ? Integer.parseInt(portText) : -1;
        if (portText != null && (port < 1 || port > 65535)) {
            throw new IllegalArgumentException("has an invalid port");
        }
        return new HostPort(host.toLowerCase(Locale.ROOT), port);
    }

    /** One entry of the authority's host list; port -1 when absent. */
    private record HostPort(String host, int port) {
    }

    private static Map<String, String> query(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            out.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /** @return the scheme in lower case, e.g. {@code postgresql+asyncpg} */
    public String scheme() {
        return scheme;
    }

    /** @return the scheme without a {@code +driver} suffix, e.g. {@code postgresql} */
    public String baseScheme() {
        int plus = scheme.indexOf('+');
        return plus < 0 ? scheme : scheme.substring(0, plus);
    }

    /** @return the hosts in lower case, IPv6 in brackets; empty for a Unix-socket URL */
    public List<String> hosts() {
        return hosts;
    }

    /** @return the first host, or empty for a Unix-socket URL */
    public String host() {
        return hosts.isEmpty() ? "" : hosts.get(0);
    }

    /** @return the user name, if the URL has user information */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    /** @return whether the URL carries a non-empty password, in its user information or a {@code password} parameter */
    public boolean hasPassword() {
        return password().isPresent();
    }

    /**
     * The password, for judging it; never print it.
     *
     * @return the password of the user information, else of a {@code password} parameter; empty when
     *     neither is set or both are empty
     */
    public Optional<String> password() {
        if (password != null && !password.isEmpty()) {
            return Optional.of(decode(password));
        }
        return param("password").filter(p -> !p.isEmpty());
    }

    /**
     * @param name a query parameter name, lower case
     * @return its decoded value; the first one when repeated
     */
    public Optional<String> param(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** @return the path, e.g. {@code /app}; may be empty */
    public String path() {
        return path;
    }

    /**
     * @return whether every host is a loopback address, or there is none (a Unix socket, or libpq's
     *     {@code host=/var/run/postgresql} parameter)
     */
    public boolean isLocal() {
        if (hosts.isEmpty()) {
            return param("host").map(h -> h.isEmpty() || h.startsWith("/") || Hosts.isLoopback(h)).orElse(true);
        }
        return hosts.stream().allMatch(Hosts::isLoopback);
    }

    /** @return {@code scheme://host[:port]}: no user, password, path or query, so safe to print */
    public String display() {
        return scheme + "://" + String.join(",", hosts) + (port > 0 ? ":" + port : "");
    }
}
