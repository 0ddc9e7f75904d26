package dev.preflight.http.internal;

import dev.preflight.http.internal.Surface.Ask;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The consoles and development pages that frameworks in debug mode serve at well-known paths, each
 * with the content that proves the real thing answered: {@code http.debug-mode} asks for them with
 * ordinary GETs through a {@link SurfaceSweep}, so that a soft-404 page never counts. None of them
 * needs an error to show, unlike a debug error page.
 *
 * <p>The Werkzeug debugger is asked for one of its own script files, which it serves on any path
 * of the application it wraps ({@code ?__debugger__=yes&cmd=resource&f=debugger.js}; the script's
 * PIN prompt and console mode are its fingerprint): that finds
 * it even where its console at {@code /console} is refused to other hosts (Werkzeug 3.0.3 and
 * later) or moved. Laravel Ignition registers its routes only in debug mode; its health check says
 * whether it may run Artisan commands, the step before remote code execution (CVE-2021-3129).
 */
public final class DebugConsoles {
    private static final Pattern IGNITION_HEALTH = Pattern.compile("\"can_execute_commands\"\\s*:\\s*(?:true|false)");

    /**
     * Not the root path: the answer is compared with the random path's, and a catch-all page that
     * echoes its path is told apart only on a path that does not occur in the rest of the page.
     */
    private static final String WERKZEUG_SCRIPT = "/preflight-werkzeug?__debugger__=yes&cmd=resource&f=debugger.js";

    private static final String WERKZEUG_REMEDY = "Run Flask without the debugger in production (no --debug,"
            + " FLASK_DEBUG=0, app.run(debug=False); never wrap the app in DebuggedApplication), behind a WSGI server"
            + " such as gunicorn: anyone who reaches the debugger can run code on the server, and its PIN does not"
            + " stop a determined attacker.";

    private static final List<Surface> ALL = List.of(
            new Surface("werkzeug-console", "Werkzeug interactive console", false, List.of("/console"),
                    t -> t.contains("Interactive Console") && (t.contains("Werkzeug Debugger")
                            || t.contains("__debugger__") || t.contains("CONSOLE_MODE = true")),
                    Ask.GET, WERKZEUG_REMEDY),
            new Surface("werkzeug-debugger", "Werkzeug debugger", false,
                    List.of(WERKZEUG_SCRIPT),
                    t -> t.contains("__debugger__") && t.contains("pinauth") && t.contains("CONSOLE_MODE"),
                    Ask.GET, WERKZEUG_REMEDY),
            new Surface("laravel-ignition", "Laravel Ignition", false, List.of("/_ignition/health-check"),
                    t -> IGNITION_HEALTH.matcher(t).find(), Ask.GET,
                    "Set APP_DEBUG=false (and APP_ENV=production) in the production .env, then php artisan"
                            + " config:cache; keep Ignition a dev dependency (composer install --no-dev) and on a"
                            + " version fixed for CVE-2021-3129 (facade/ignition 2.5.2 or later)."),
            new Surface("symfony-profiler", "Symfony web profiler", false,
                    List.of("/_profiler/", "/_profiler/phpinfo"),
                    t -> t.contains("Symfony Profiler") || t.contains("phpinfo()")
                            || t.contains("PHP Version") && t.contains("PHP License"),
                    Ask.GET,
                    "Run with APP_ENV=prod and APP_DEBUG=0 and install without the web profiler"
                            + " (composer install --no-dev): the profiler shows every request with its headers,"
                            + " cookies and environment, and its phpinfo page the server's secrets. Rotate them."),
            new Surface("rails-info", "Rails development info pages", false,
                    List.of("/rails/info/properties", "/rails/info/routes"),
                    t -> t.contains("Rails version") && (t.contains("Ruby version") || t.contains("Application root"))
                            || t.contains("Routes match in priority from top to bottom"),
                    Ask.GET,
                    "Run with RAILS_ENV=production (config.consider_all_requests_local = false): /rails/info lists"
                            + " the application's routes, versions and root directory."));

    private DebugConsoles() {
    }

    /** @return every console and development page, those that run code first */
    public static List<Surface> all() {
        return ALL;
    }
}
