package dev.preflight.http.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Error pages that only a framework in debug or development mode serves, recognised by text each
 * framework prints and production pages never do: a settings banner, a debugger, or a stack trace
 * with the framework's frames. A production error page that merely names the framework matches none,
 * and neither does prose that talks about tracebacks: a marker is a fixed piece of the framework's
 * template, or a stack frame in the exact form the runtime prints.
 */
public final class DebugPages {
    /** A Java frame, raw or JSON-escaped: {@code at org.springframework.web.servlet.DispatcherServlet.doDispatch(}. */
    private static final Pattern JAVA_FRAME = Pattern.compile("(?:\\s|\\\\t|>)at [A-Za-z_$][\\w$]*(?:\\.[\\w$<>]+)+\\(");
    private static final Pattern JSON_TRACE = Pattern.compile("\"trace\"\\s*:\\s*\"");
    /** A Node.js frame in an installed package: {@code at Layer.handle (/app/node_modules/express/lib/x.js:95:5)}. */
    private static final Pattern NODE_FRAME = Pattern.compile(
            "\\bat [^\\n<]{0,200}?\\(?(?:/|[A-Za-z]:\\\\)[^\\n<()]*node_modules[^\\n<()]*:\\d+:\\d+");
    private static final Pattern PHP_ERROR = Pattern.compile("(?i)(?:fatal error|parse error|warning|notice|deprecated)"
            + "(?:</b>)?:\\s.{0,1000}?\\sin\\s(?:<b>)?(?:/|[a-z]:\\\\)[^<\\s]+\\.php(?:</b>)?\\s+on line\\s+(?:<b>)?\\d+",
            Pattern.DOTALL);
    private static final Pattern PHP_FRAME = Pattern.compile("\\.php(?::| line | on line )\\d+");
    private static final Pattern ASPNET_YSOD = Pattern.compile("Server Error in '[^']*' Application");
    /** CPython's traceback header, also as Werkzeug and Django wrap it: {@code Traceback <em>(most recent call last)</em>}. */
    private static final Pattern PYTHON_TRACEBACK = Pattern.compile("Traceback (?:<[^>]{1,40}>)?\\(most recent call last\\)");
    /**
     * A CPython frame line, as printed ({@code File "/app/main.py", line 12, in view}), HTML-escaped
     * ({@code &quot;}) or inside a JSON string ({@code \"}).
     */
    private static final Pattern PYTHON_FRAME = Pattern.compile(
            "File (?:\"|\\\\\"|&quot;|&#34;|&#x22;)[^\"&\\n<>]{1,400}(?:\"|\\\\\"|&quot;|&#34;|&#x22;), line \\d+, in ");
    /** Starlette's HTML frame: {@code File <span class="frame-filename">/app/main.py</span>, line <i>12</i>}. */
    private static final Pattern PYTHON_FRAME_HTML = Pattern.compile("File <span class=[\"'][\\w-]+[\"']>[^<]{1,400}</span>,"
            + "\\s*line <i>\\d+</i>");

    /**
     * One framework's debug page.
     *
     * @param framework the name to report, e.g. {@code Django with DEBUG = True}
     * @param matches true for its page
     * @param remediation how to turn debug mode off
     * @param errorsOnly whether only an error status (4xx, 5xx) counts: for markers that a page about
     *     programming could show as content, such as a plain Python traceback
     */
    public record DebugPage(String framework, Predicate<String> matches, String remediation, boolean errorsOnly) {
        DebugPage(String framework, Predicate<String> matches, String remediation) {
            this(framework, matches, remediation, false);
        }
    }

    private static final List<DebugPage> ALL = List.of(
            new DebugPage("Django with DEBUG = True",
                    t -> t.contains("because you have <code>DEBUG = True</code>")
                            || t.contains("because you have DEBUG = True") || t.contains("Using the URLconf defined in")
                            || t.contains("Django Version:") && t.contains("Exception Type:")
                            && t.contains("Request Method:"),
                    "Set DEBUG = False in the production settings (and ALLOWED_HOSTS)."),
            new DebugPage("Werkzeug debugger",
                    t -> t.contains("__debugger__=yes") || t.contains("// Werkzeug Debugger</title>")
                            || t.contains("The debugger caught an exception in your WSGI application")
                            || t.contains("Werkzeug powered traceback interpreter"),
                    "Run Flask without the debugger in production (no --debug, FLASK_DEBUG=0, app.run(debug=False)),"
                            + " behind a WSGI server such as gunicorn: the debugger runs arbitrary code."),
            new DebugPage("Starlette/FastAPI with debug=True",
                    t -> t.contains("<title>Starlette Debugger</title>")
                            || t.contains("traceback-container") && t.contains("traceback-title")
                            && PYTHON_FRAME_HTML.matcher(t).find(),
                    "Create the app with debug=False (Starlette(debug=False), FastAPI(debug=False)) in production,"
                            + " and do not enable it from an environment variable left on."),
            new DebugPage("Laravel Ignition", t -> t.contains("window.ignite(") || t.contains("/_ignition/")
                            && (t.contains("Illuminate\\") || t.contains("vendor/laravel")),
                    "Set APP_DEBUG=false (and APP_ENV=production) in the production .env, then php artisan config:cache."),
            new DebugPage("Whoops", t -> t.contains("Whoops! There was an error.")
                            || t.contains("Whoops, looks like something went wrong") && PHP_FRAME.matcher(t).find(),
                    "Turn the debug error handler off in production (Laravel: APP_DEBUG=false; Slim/others:"
                            + " register Whoops only in development)."),
            new DebugPage("Symfony in debug mode", t -> t.contains("Symfony Exception</h1>"),
                    "Run with APP_ENV=prod and APP_DEBUG=0, and do not install the debug and web-profiler bundles in"
                            + " production (composer install --no-dev)."),
            new DebugPage("Rails in development mode",
                    t -> t.contains("Action Controller: Exception caught")
                            || t.contains("Routing Error") && t.contains("Rails.root"),
                    "Run with RAILS_ENV=production (config.consider_all_requests_local = false)."),
            new DebugPage("Spring Boot with stack traces",
                    t -> (t.contains("Whitelabel Error Page") || JSON_TRACE.matcher(t).find())
                            && JAVA_FRAME.matcher(t).find(),
                    "Set server.error.include-stacktrace=never (and include-message, include-exception off), and"
                            + " replace the Whitelabel page (server.error.whitelabel.enabled=false)."),
            new DebugPage("Express with stack traces",
                    t -> t.contains("Error") && NODE_FRAME.matcher(t).find(),
                    "Run with NODE_ENV=production, and give Express an error handler that does not send err.stack."),
            new DebugPage("ASP.NET with detailed errors",
                    t -> ASPNET_YSOD.matcher(t).find() && t.contains("Stack Trace:")
                            || t.contains("An unhandled exception occurred while processing the request."),
                    "Set <customErrors mode=\"RemoteOnly\"/> (ASP.NET) or drop UseDeveloperExceptionPage /"
                            + " ASPNETCORE_ENVIRONMENT=Development (ASP.NET Core) in production."),
            new DebugPage("PHP with display_errors on", t -> PHP_ERROR.matcher(t).find(),
                    "Set display_errors = Off in php.ini (log_errors = On) in production."),
            new DebugPage("Python with tracebacks",
                    t -> PYTHON_TRACEBACK.matcher(t).find() && PYTHON_FRAME.matcher(t).find(),
                    "Turn the framework's debug mode off (Flask: debug=False; Starlette/FastAPI: debug=False;"
                            + " Django: DEBUG = False) and remove any handler that returns traceback.format_exc():"
                            + " log the traceback and answer a plain 500.", true));

    private DebugPages() {
    }

    /** @return every known debug page, most specific first */
    public static List<DebugPage> all() {
        return ALL;
    }

    /**
     * @param status the page's HTTP status
     * @param text the page's body
     * @return the first debug page it is, if any
     */
    public static Optional<DebugPage> recognise(int status, String text) {
        boolean error = status >= 400;
        return ALL.stream().filter(p -> (error || !p.errorsOnly()) && p.matches().test(text)).findFirst();
    }
}
