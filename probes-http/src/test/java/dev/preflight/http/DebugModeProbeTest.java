package dev.preflight.http;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static dev.preflight.testsupport.TestRoutes.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpHandler;
import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.TestRoutes;
import dev.preflight.testsupport.TlsTestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code http.debug-mode} against real TLS sites for {@code shop.test} with debug and clean error pages. */
class DebugModeProbeTest {
    private static final String SECRET_KEY = "django-insecure-8f3k2l1m0n9b8v7c6x5z";
    private static final String DJANGO_404 = "<!DOCTYPE html><html><head><title>Page not found at /x</title></head>"
            + "<body><h1>Page not found <span>(404)</span></h1><p>Using the URLconf defined in <code>shop.urls</code>,"
            + " Django tried these URL patterns, in this order:</p><ol><li>admin/</li></ol><p>SECRET_KEY = '"
            + SECRET_KEY + "'</p><p>You're seeing this error because you have <code>DEBUG = True</code> in your Django"
            + " settings file. Change that to False, and Django will display a standard 404 page.</p></body></html>";
    private static final String WHITELABEL_WITH_TRACE = "<html><body><h1>Whitelabel Error Page</h1><p>This application"
            + " has no explicit mapping for /error, so you are seeing this as a fallback.</p><div>There was an unexpected"
            + " error (type=Internal Server Error, status=500).</div><div style='white-space:pre-wrap;'>"
            + "java.lang.NumberFormatException: For input string: \"abc\"\n\tat java.base/java.lang.Integer.parseInt"
            + "(Integer.java:668)\n\tat com.shop.OrderController.get(OrderController.java:31)\n\tat org.springframework"
            + ".web.servlet.FrameworkServlet.service(FrameworkServlet.java:883)\n</div></body></html>";
    private static final String WERKZEUG_SECRET = "Wq3kLm9PzR2vT8xY1bN4";
    /** The page Werkzeug's DebuggedApplication serves at its console path (werkzeug/debug/tbtools.py). */
    private static final String WERKZEUG_CONSOLE = "<!doctype html>\n<html lang=en>\n<head>\n<title>Console //"
            + " Werkzeug Debugger</title>\n<link rel=\"stylesheet\" href=\"?__debugger__=yes&amp;cmd=resource&amp;f="
            + "style.css\">\n<script src=\"?__debugger__=yes&amp;cmd=resource&amp;f=debugger.js\"></script>\n<script>\n"
            + "var CONSOLE_MODE = true,\n EVALEX = true,\n EVALEX_TRUSTED = false,\n SECRET = \"" + WERKZEUG_SECRET
            + "\";\n</script>\n</head>\n<body style=\"background-color: #fff\">\n<div class=\"debugger\">\n<h1>Interactive"
            + " Console</h1>\n<div class=\"explanation\">\nIn this console you can execute Python expressions in the"
            + " context of the\napplication.\n</div>\n<div class=\"console\"><div class=\"inner\">The Console requires"
            + " JavaScript.</div></div>\n<div class=\"pin-prompt\"><div class=\"inner\"><h3>Console Locked</h3></div>"
            + "</div></div></body></html>";
    /** The start of Werkzeug's debugger.js, which the debugger serves on every path of the app it wraps. */
    private static final String WERKZEUG_SCRIPT = "docReady(() => {\n  if (!EVALEX_TRUSTED) {\n    initPinBox();\n  }\n"
            + "  // if we are in console mode, show the console.\n  if (CONSOLE_MODE && EVALEX) {\n"
            + "    createInteractiveConsole();\n  }\n});\nfunction initPinBox() {\n  fetch(`${document.location.pathname}"
            + "?__debugger__=yes&cmd=pinauth&pin=${pin}&s=${encodedSecret}`);\n}\n";

    @Test
    void djangoDebugNotFoundPageFails() {
        Result result = run(TestRoutes.builder().otherwise(reply(404).header("Content-Type", "text/html")
                .body(DJANGO_404)).build());

        assertThat(result).isFail()
                .hasSummary("Django with DEBUG = True shows its debug page for a path that does not exist (status 404)")
                .hasRemediationContaining("DEBUG = False")
                .hasDetail("framework", "Django with DEBUG = True")
                .hasDetail("status", 404)
                .containsNoText(SECRET_KEY, "URLconf", "shop.urls");
        assertThat((String) result.details().get("path")).matches("/preflight-[0-9a-f]{16}-not-found");
    }

    @Test
    void whitelabelPageWithATraceAtAConfiguredErrorPathFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/api/orders/abc", reply(500).header("Content-Type", "text/html").body(WHITELABEL_WITH_TRACE))
                .otherwise(reply(404).body("<html><h1>Whitelabel Error Page</h1><div>status=404</div></html>"))
                .build();

        Result result = run(site, "error-paths", "/api/orders/abc");

        assertThat(result).isFail()
                .hasSummary("Spring Boot with stack traces shows its debug page at /api/orders/abc (status 500)")
                .hasRemediationContaining("server.error.include-stacktrace=never")
                .hasDetail("path", "/api/orders/abc")
                .containsNoText("NumberFormatException", "OrderController");
        assertThat(result.details().get("checked")).asString().contains("/api/orders/abc");
    }

    @Test
    void debuggerOnTheLandingPageFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(500).body("<title>KeyError // Werkzeug Debugger</title>"
                        + "<script src=\"?__debugger__=yes&amp;cmd=resource&amp;f=debugger.js\"></script>"))
                .build();

        assertThat(run(site)).isFail().hasSummary("Werkzeug debugger shows its debug page as the landing page (status 500)");
    }

    @Test
    void cleanNotFoundPagePasses() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).body("<html><h1>Shop</h1></html>"))
                .otherwise(reply(404).body("<html><h1>Not Found</h1><p>Nothing here.</p></html>"))
                .build();

        Result result = run(site, "error-paths", "/api/orders/abc, /search?q=%27");

        assertThat(result).isPass().hasSummary("no debug or development error page among 5 pages, and no debug console"
                + " at 7 well-known paths");
        assertThat(result.details().get("checked")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(5).contains("/api/orders/abc", "/search", "/");
        assertThat(result.details().get("consoles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("/console", "/_ignition/health-check", "/_profiler/", "/_profiler/phpinfo",
                        "/rails/info/properties", "/rails/info/routes");
    }

    @Test
    void errorPathWhoseConnectionDropsIsSetAside() {
        HttpHandler site = TestRoutes.builder()
                .on("/crash", exchange -> {
                    throw new java.io.IOException("worker died");
                })
                .build();

        assertThat(run(site, "error-paths", "/crash")).isPass().hasDetail("unanswered", List.of("/crash"));
    }

    @Test
    void werkzeugConsoleAtItsWellKnownPathFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).body("<html><h1>Shop</h1></html>"))
                .on("/console", reply(200).header("Content-Type", "text/html; charset=utf-8").body(WERKZEUG_CONSOLE))
                .build();

        Result result = run(site);

        assertThat(result).isFail()
                .hasSummary("Werkzeug interactive console answers at /console (status 200)")
                .hasRemediationContaining("FLASK_DEBUG=0")
                .hasDetail("framework", "Werkzeug interactive console")
                .hasDetail("path", "/console")
                .containsNoText(WERKZEUG_SECRET);
    }

    @Test
    void werkzeugDebuggerIsFoundThroughItsOwnScriptWithoutAnyError() {
        List<String> queries = new CopyOnWriteArrayList<>();
        HttpHandler routes = TestRoutes.builder().on("/", reply(200).body("<html><h1>Shop</h1></html>")).build();
        HttpHandler site = exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                queries.add(exchange.getRequestURI().getRawPath() + "?" + query);
            }
            if ("__debugger__=yes&cmd=resource&f=debugger.js".equals(query)) {
                reply(200).header("Content-Type", "text/javascript; charset=utf-8").body(WERKZEUG_SCRIPT).handle(exchange);
            } else {
                routes.handle(exchange);
            }
        };

        Result result = run(site);

        assertThat(result).isFail()
                .hasSummary("Werkzeug debugger answers at /preflight-werkzeug?__debugger__=yes&cmd=resource&f=debugger.js"
                        + " (status 200)")
                .hasRemediationContaining("gunicorn");
        assertThat(queries).containsExactly("/preflight-werkzeug?__debugger__=yes&cmd=resource&f=debugger.js");
    }

    @Test
    void laravelIgnitionHealthCheckFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/_ignition/health-check", reply(200).header("Content-Type", "application/json")
                        .body("{\"can_execute_commands\":true}"))
                .build();

        assertThat(run(site)).isFail()
                .hasSummary("Laravel Ignition answers at /_ignition/health-check (status 200)")
                .hasRemediationContaining("APP_DEBUG=false")
                .hasRemediationContaining("CVE-2021-3129");
    }

    @Test
    void symfonyProfilerReachedThroughItsRedirectFails() {
        HttpHandler site = TestRoutes.builder()
                .on("/_profiler/", TestRoutes.redirect(302, "/_profiler/empty/search/results?limit=10"))
                .on("/_profiler/empty/search/results", reply(200).header("Content-Type", "text/html")
                        .body("<!DOCTYPE html><html lang=\"en\"><head><meta name=\"robots\" content=\"noindex,nofollow\""
                                + " /><title>Symfony Profiler</title></head><body><div id=\"summary\"><h2>Profile"
                                + " Search</h2></div><table id=\"search-results\"></table></body></html>"))
                .build();

        assertThat(run(site)).isFail()
                .hasSummary("Symfony web profiler answers at /_profiler/ (status 200)")
                .hasRemediationContaining("APP_DEBUG=0");
    }

    @Test
    void symfonyProfilerPhpinfoFailsWhenTheProfilerIndexIsHidden() {
        HttpHandler site = TestRoutes.builder()
                .on("/_profiler/", reply(403).body("Forbidden"))
                .on("/_profiler/phpinfo", reply(200).body("<!DOCTYPE html><html><head><title>PHP 8.3.4 - phpinfo()"
                        + "</title></head><body><table><tr><td class=\"e\">APP_SECRET </td><td class=\"v\">"
                        + "f00dfeed</td></tr></table></body></html>"))
                .build();

        assertThat(run(site)).isFail().hasSummary("Symfony web profiler answers at /_profiler/phpinfo (status 200)")
                .containsNoText("f00dfeed");
    }

    @Test
    void railsInfoPagesFail() {
        HttpHandler site = TestRoutes.builder()
                .on("/rails/info/properties", reply(200).header("Content-Type", "text/html").body("<table>"
                        + "<tr><td class=\"name\">Rails version</td><td class=\"value\">7.1.3</td></tr>"
                        + "<tr><td class=\"name\">Ruby version</td><td class=\"value\">ruby 3.3.0</td></tr>"
                        + "<tr><td class=\"name\">Application root</td><td class=\"value\">/rails</td></tr></table>"))
                .build();

        assertThat(run(site)).isFail()
                .hasSummary("Rails development info pages answers at /rails/info/properties (status 200)")
                .hasRemediationContaining("RAILS_ENV=production");
    }

    @Test
    void starletteTracebackAtAConfiguredErrorPathFailsInTextAndHtml() {
        String text = "Traceback (most recent call last):\n  File \"/usr/local/lib/python3.12/site-packages/starlette/"
                + "middleware/errors.py\", line 164, in __call__\n    await self.app(scope, receive, _send)\n  File"
                + " \"/app/main.py\", line 14, in read_order\n    return orders[order_id]\nKeyError: 'abc'\n";
        HttpHandler plain = TestRoutes.builder()
                .on("/orders/abc", reply(500).header("Content-Type", "text/plain; charset=utf-8").body(text))
                .build();

        assertThat(run(plain, "error-paths", "/orders/abc")).isFail()
                .hasSummary("Python with tracebacks shows its debug page at /orders/abc (status 500)")
                .hasRemediationContaining("debug=False")
                .containsNoText("read_order", "KeyError");

        HttpHandler html = TestRoutes.builder()
                .on("/orders/abc", reply(500).header("Content-Type", "text/html; charset=utf-8")
                        .body("<html><head><title>Starlette Debugger</title></head><body><h1>500 Server Error</h1>"
                                + "<h2>KeyError: 'abc'</h2><div class=\"traceback-container\"><p class=\""
                                + "traceback-title\">Traceback</p></div></body></html>"))
                .build();

        assertThat(run(html, "error-paths", "/orders/abc")).isFail()
                .hasSummary("Starlette/FastAPI with debug=True shows its debug page at /orders/abc (status 500)");
    }

    @Test
    void expressStackTraceOnThePathWithAnInvalidEscapeFails() {
        List<String> rawPaths = new CopyOnWriteArrayList<>();
        HttpHandler site = exchange -> {
            String raw = exchange.getRequestURI().getRawPath();
            rawPaths.add(raw);
            if (raw.endsWith("%FF")) {
                reply(400).header("Content-Type", "text/html; charset=utf-8").body("<!DOCTYPE html><html><body><pre>"
                        + "URIError: Failed to decode param &#39;" + raw.substring(1) + "&#39;<br> &nbsp; &nbsp;at"
                        + " decodeURIComponent (&lt;anonymous&gt;)<br> &nbsp; &nbsp;at decode_param (/srv/shop/"
                        + "node_modules/express/lib/router/layer.js:172:12)<br> &nbsp; &nbsp;at Layer.match (/srv/shop/"
                        + "node_modules/express/lib/router/layer.js:148:15)</pre></body></html>").handle(exchange);
            } else {
                reply(404).body("<!DOCTYPE html><html><body><pre>Cannot GET " + raw + "</pre></body></html>")
                        .handle(exchange);
            }
        };

        Result result = run(site);

        assertThat(result).isFail().hasSummary("Express with stack traces shows its debug page for a path with an"
                + " invalid escape (status 400)").hasRemediationContaining("NODE_ENV=production");
        assertThat(rawPaths).anyMatch(p -> p.matches("/preflight-[0-9a-f]{16}-not-found%FF"));
    }

    @Test
    void siteAnsweringOnePageToEveryPathPassesThoughItTalksAboutConsoles() {
        // A security blog's catch-all page: it names every marker, echoes the path, and answers 200 to all.
        HttpHandler site = exchange -> reply(200).header("Content-Type", "text/html").body("<html><body><h1>"
                + exchange.getRequestURI().getPath() + " is not here</h1><p>Our post on debug consoles: the Werkzeug"
                + " Debugger's Interactive Console (CONSOLE_MODE, EVALEX, pinauth and the __debugger__ parameter), Laravel's"
                + " {\"can_execute_commands\":true}, the Symfony Profiler and its phpinfo() page, and Rails' info"
                + " pages (Rails version, Ruby version; Routes match in priority from top to bottom).</p>"
                + "</body></html>").handle(exchange);

        Result result = run(site);

        assertThat(result).isPass().hasSummaryContaining("no debug console at 7 well-known paths");
    }

    @Test
    void aPageAboutTracebacksIsNotADebugPage() {
        HttpHandler site = TestRoutes.builder()
                .on("/", reply(200).header("Content-Type", "text/html").body("<html><h1>Reading a traceback</h1>"
                        + "<p>Python prints a traceback (most recent call last) when a view raises:</p><pre>"
                        + "Traceback (most recent call last):\n  File &quot;/app/views.py&quot;, line 3, in index\n"
                        + "ZeroDivisionError: division by zero</pre></html>"))
                .build();

        assertThat(run(site)).isPass();
    }

    @Test
    void consolesBehindAuthenticationDoNotFail() {
        HttpHandler site = TestRoutes.builder()
                .on("/console", reply(403).body(WERKZEUG_CONSOLE))
                .on("/_profiler/", TestRoutes.redirect(302, "/login"))
                .build();

        assertThat(run(site)).isPass();
    }

    @Test
    void deadlineBeforeEveryConsoleWasAskedIsAnErrorNotAPass() {
        // The runner's deadline or the probe's own check ends it; either way it must not be a PASS.
        assertThat(runWithin(slowIgnition(reply(404).body("<html><h1>Not Found</h1></html>")))).isError();
    }

    /** A site whose Ignition health check answers only after the probe's deadline. */
    private static HttpHandler slowIgnition(HttpHandler otherwise) {
        return TestRoutes.builder()
                .on("/_ignition/health-check", exchange -> {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    reply(404).handle(exchange);
                })
                .otherwise(otherwise)
                .build();
    }

    private static Result runWithin(HttpHandler site) {
        try (TlsTestServer server = TestSites.https(site)) {
            return TestSites.kit(new DebugModeProbe(), "https://shop.test:" + server.port() + "/", server.port())
                    .timeout(java.time.Duration.ofMillis(1_500)).run().result();
        }
    }

    private static Result run(HttpHandler site, String... settings) {
        try (TlsTestServer server = TestSites.https(site)) {
            ProbeTestKit kit = TestSites.kit(new DebugModeProbe(), "https://shop.test:" + server.port() + "/",
                    server.port());
            for (int i = 0; i < settings.length; i += 2) {
                kit.setting(settings[i], settings[i + 1]);
            }
            return kit.run().result();
        }
    }
}
