package dev.preflight.http.internal;

import dev.preflight.http.internal.Surface.Ask;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The catalogue of surfaces {@code http.exposed-endpoints} looks for, each with the content that
 * proves the real thing answered. Fingerprints read text only: a soft-404 page or an SPA shell
 * matches none of them.
 *
 * <p>Django's admin at {@code /admin/} counts as public only when an admin page other than the login
 * form answers without credentials; its login form, reached directly or through the redirect to
 * {@code /admin/login/}, counts as protected (a login page the whole internet can reach, as with
 * {@code wp-admin}).
 *
 * <p>The Spring Boot heap dump is never fetched: every GET of {@code /actuator/heapdump} makes the
 * JVM write a heap dump (a stop-the-world pause), so it is judged from the actuator index, which
 * lists every endpoint exposed over the web.
 */
public final class Surfaces {
    private static final Pattern GIT_HEAD = Pattern.compile("(ref: refs/\\S+|[0-9a-f]{40}|[0-9a-f]{64})\\s*");
    private static final Pattern GIT_CONFIG = Pattern.compile("(?m)^\\s*\\[core]\\s*$");
    private static final Pattern ENV_LINE = Pattern.compile("(?:export\\s+)?[A-Za-z_][A-Za-z0-9_.]*\\s*=.*");
    private static final Pattern OPENAPI = Pattern.compile("\"(?:openapi|swagger)\"\\s*:\\s*\"\\d");
    private static final Pattern GRAPHQL_SCHEMA = Pattern.compile("\"__schema\"\\s*:\\s*\\{");
    private static final Pattern ACTUATOR_LINKS = Pattern.compile("\"_links\"\\s*:\\s*\\{");
    private static final Pattern HEAPDUMP_LINK = Pattern.compile("\"heapdump\"\\s*:\\s*\\{");
    private static final Pattern PROPERTY_SOURCES = Pattern.compile("\"propertySources\"\\s*:\\s*\\[");
    /** The Prometheus text format and OpenMetrics both describe each family with these two comment lines. */
    private static final Pattern METRICS_HELP = Pattern.compile("(?m)^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* ");
    private static final Pattern METRICS_TYPE = Pattern.compile("(?m)^# TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge"
            + "|histogram|summary|untyped|unknown|info|stateset|gaugehistogram)\\s*$");
    /** Go's expvar handler always publishes these two variables. */
    private static final Pattern EXPVAR_CMDLINE = Pattern.compile("\"cmdline\"\\s*:\\s*\\[");
    private static final Pattern EXPVAR_MEMSTATS = Pattern.compile("\"memstats\"\\s*:\\s*\\{");

    private static final String DOCS_HINT = " If you publish them on purpose, set http.exposed-endpoints.expect.docs"
            + " (or expect.<surface>) = public.";

    private static final List<Surface> ALL = List.of(
            new Surface("dotenv", ".env file", true, List.of("/.env"), Surfaces::isDotenv, Ask.GET,
                    "Keep .env out of the web root and deny dotfiles (nginx: location ~ /\\. { deny all; };"
                            + " Apache: <FilesMatch \"^\\.\"> Require all denied </FilesMatch>), then rotate every"
                            + " secret the file held."),
            new Surface("git", "Git metadata", true, List.of("/.git/HEAD", "/.git/config"), Surfaces::isGit, Ask.GET,
                    "Deploy without the .git directory, or deny it (nginx: location ~ /\\.git { deny all; }):"
                            + " the repository and its history can be downloaded. Rotate any credential in"
                            + " .git/config or in the history."),
            new Surface("actuator-env", "Spring Boot actuator env", true, List.of("/actuator/env"),
                    t -> PROPERTY_SOURCES.matcher(t).find(), Ask.GET,
                    "Stop exposing the env endpoint over HTTP (management.endpoints.web.exposure.include=health)"
                            + " or move management to a private port (management.server.port), then rotate the"
                            + " secrets it showed."),
            new Surface("heapdump", "Spring Boot actuator heap dump", true, List.of("/actuator/heapdump"),
                    t -> ACTUATOR_LINKS.matcher(t).find() && HEAPDUMP_LINK.matcher(t).find(), Ask.INDEX_ENTRY,
                    "Stop exposing the heapdump endpoint (management.endpoints.web.exposure.include=health):"
                            + " a heap dump holds every secret in memory. Rotate them."),
            new Surface("phpinfo", "phpinfo() page", true, List.of("/phpinfo.php", "/info.php"),
                    t -> t.contains("phpinfo()") || t.contains("PHP Version") && t.contains("PHP License"), Ask.GET,
                    "Delete phpinfo() pages from the web root: they list the server's environment variables."),
            new Surface("actuator", "Spring Boot actuator", false, List.of("/actuator"),
                    t -> ACTUATOR_LINKS.matcher(t).find(), Ask.GET,
                    "Expose only health over HTTP (management.endpoints.web.exposure.include=health) or serve"
                            + " management on a private port (management.server.port) behind authentication."),
            new Surface("openapi", "OpenAPI document", false,
                    List.of("/openapi.json", "/v3/api-docs", "/v2/api-docs", "/swagger.json", "/api-docs"),
                    t -> OPENAPI.matcher(t).find(), Ask.GET,
                    "Disable the API description in production (FastAPI: openapi_url=None; springdoc:"
                            + " springdoc.api-docs.enabled=false) or put it behind authentication." + DOCS_HINT),
            new Surface("swagger-ui", "Swagger UI", false,
                    List.of("/docs", "/swagger-ui/", "/swagger-ui.html", "/swagger-ui/index.html"),
                    t -> lower(t).contains("swagger-ui"), Ask.GET,
                    "Disable Swagger UI in production (FastAPI: docs_url=None; springdoc:"
                            + " springdoc.swagger-ui.enabled=false) or put it behind authentication." + DOCS_HINT),
            new Surface("redoc", "ReDoc", false, List.of("/redoc"), t -> lower(t).contains("redoc"), Ask.GET,
                    "Disable ReDoc in production (FastAPI: redoc_url=None) or put it behind authentication."
                            + DOCS_HINT),
            new Surface("graphql", "GraphQL introspection", false, List.of("/graphql", "/api/graphql"),
                    t -> GRAPHQL_SCHEMA.matcher(t).find(), Ask.GRAPHQL_INTROSPECTION,
                    "Turn introspection off in production (Apollo Server: introspection: false; graphql-java:"
                            + " NoIntrospectionGraphqlFieldVisibility; Hasura: disable it per role)."),
            new Surface("server-status", "Apache server-status", false, List.of("/server-status"),
                    t -> t.contains("Apache Server Status"), Ask.GET,
                    "Restrict mod_status to local requests (<Location /server-status> Require local) or disable"
                            + " it (a2dismod status): it shows every client address and URL being served."),
            new Surface("server-info", "Apache server-info", false, List.of("/server-info"),
                    t -> t.contains("Apache Server Information"), Ask.GET,
                    "Restrict mod_info to local requests (<Location /server-info> Require local) or disable it"
                            + " (a2dismod info): it shows the whole server configuration."),
            new Surface("metrics", "Prometheus metrics", false, List.of("/metrics", "/actuator/prometheus"),
                    Surfaces::isPrometheus, Ask.GET,
                    "Serve metrics on a private port or network only (Spring Boot: management.server.port;"
                            + " nginx: location /metrics { allow 10.0.0.0/8; deny all; }), or require the scraper to"
                            + " authenticate: metric names and labels map the application's internals."),
            new Surface("expvar", "Go expvar", false, List.of("/debug/vars"),
                    t -> EXPVAR_CMDLINE.matcher(t).find() && EXPVAR_MEMSTATS.matcher(t).find(), Ask.GET,
                    "Do not serve expvar on the public server (importing expvar registers /debug/vars on"
                            + " http.DefaultServeMux): serve it on a localhost-only listener. It shows the command line,"
                            + " flags included."),
            new Surface("pprof", "Go pprof", false, List.of("/debug/pprof/"),
                    t -> t.contains("Types of profiles available") || t.contains("/debug/pprof/goroutine")
                            || t.contains("href=\"goroutine?debug=1\""), Ask.GET,
                    "Do not register net/http/pprof on the public server: serve it on a localhost-only listener."),
            new Surface("wp-admin", "WordPress admin", false, List.of("/wp-admin/"),
                    t -> t.contains("id=\"adminmenu\"") || t.contains("id=\"wpadminbar\""), Ask.GET,
                    "Restrict /wp-admin/ and wp-login.php to trusted networks or put them behind a second factor."),
            new Surface("django-admin", "Django admin", false, List.of("/admin/"),
                    t -> isDjangoAdmin(t) && !t.contains("id=\"login-form\"")
                            && (t.contains("id=\"user-tools\"") || t.contains("id=\"logout-form\"")),
                    Ask.GET,
                    "Serve the Django admin only to trusted networks (a VPN, an allow-list in the proxy) or under"
                            + " a separate internal host, and require a second factor for staff accounts; its login"
                            + " page invites password guessing.",
                    t -> isDjangoAdmin(t) && t.contains("id=\"login-form\"")));

    private Surfaces() {
    }

    /** @return every surface, secrets first */
    public static List<Surface> all() {
        return ALL;
    }

    /**
     * @param name a surface's name
     * @return the surface, if the catalogue has it
     */
    public static Optional<Surface> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** @return whether a surface is one of the API documentation ones that {@code expect.docs} covers */
    public static boolean isDocs(Surface surface) {
        return surface.name().equals("openapi") || surface.name().equals("swagger-ui") || surface.name().equals("redoc");
    }

    /** A dotenv file: no markup, and most meaningful lines are {@code KEY=value}. */
    static boolean isDotenv(String text) {
        if (looksLikeMarkup(text)) {
            return false;
        }
        int assignments = 0;
        int other = 0;
        for (String line : text.split("\\R")) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (ENV_LINE.matcher(s).matches()) {
                assignments++;
            } else {
                other++;
            }
        }
        return assignments > 0 && assignments >= other;
    }

    /** Prometheus text exposition or OpenMetrics: {@code # HELP} and {@code # TYPE} lines, no markup. */
    static boolean isPrometheus(String text) {
        return !looksLikeMarkup(text) && METRICS_HELP.matcher(text).find() && METRICS_TYPE.matcher(text).find();
    }

    /** A page of Django's admin site: its header or its default title. */
    static boolean isDjangoAdmin(String text) {
        return text.contains("Django administration") || text.contains("Django site admin");
    }

    /** {@code .git/HEAD} (a ref or a commit id) or {@code .git/config}. */
    static boolean isGit(String text) {
        return GIT_HEAD.matcher(text).matches()
                || GIT_CONFIG.matcher(text).find() && text.contains("repositoryformatversion");
    }

    private static boolean looksLikeMarkup(String text) {
        String head = lower(text.stripLeading());
        return head.startsWith("<") || head.contains("<html") || head.contains("<body");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
