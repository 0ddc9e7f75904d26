package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DebugPagesTest {

    @Test
    void djangoDebugNotFoundPage() {
        assertThat(framework("<p>Using the URLconf defined in <code>shop.urls</code>, Django tried these URL patterns"
                + "</p><p>You're seeing this error because you have <code>DEBUG = True</code> in your Django settings"
                + " file.</p>")).contains("Django with DEBUG = True");
    }

    @Test
    void werkzeugDebugger() {
        assertThat(framework("<title>ZeroDivisionError // Werkzeug Debugger</title>"
                + "<script src=\"?__debugger__=yes&amp;cmd=resource&amp;f=debugger.js\"></script>"))
                .contains("Werkzeug debugger");
    }

    @Test
    void laravelIgnitionAndWhoops() {
        assertThat(framework("<script>window.data = {\"report\":{\"stacktrace\":[{\"class\":\"Illuminate\\\\Database"
                + "\\\\Connection\"}]},\"shareEndpoint\":\"https://shop.test/_ignition/share-report\"};</script>"))
                .contains("Laravel Ignition");
        assertThat(framework("<title>Whoops! There was an error.</title>")).contains("Whoops");
        assertThat(framework("<h1>Whoops, looks like something went wrong.</h1><div>in Connection.php line 647"))
                .contains("Whoops");
    }

    @Test
    void railsDevelopmentPage() {
        assertThat(framework("<title>Action Controller: Exception caught</title><h1>Routing Error</h1>"))
                .contains("Rails in development mode");
        assertThat(framework("<h1>Routing Error</h1><p><code>Rails.root: /app</code></p>"))
                .contains("Rails in development mode");
    }

    @Test
    void springWhitelabelOrJsonWithATrace() {
        assertThat(framework("<h1>Whitelabel Error Page</h1><div>java.lang.IllegalStateException: boom\n\tat"
                + " com.shop.OrderController.get(OrderController.java:42)\n\tat"
                + " org.springframework.web.servlet.DispatcherServlet.doDispatch(DispatcherServlet.java:1089)</div>"))
                .contains("Spring Boot with stack traces");
        assertThat(framework("{\"status\":500,\"error\":\"Internal Server Error\",\"trace\":\"java.lang.NullPointer"
                + "Exception\\n\\tat com.shop.Api.get(Api.java:12)\\n\",\"path\":\"/api\"}"))
                .contains("Spring Boot with stack traces");
    }

    @Test
    void expressStackTrace() {
        assertThat(framework("<pre>Error: boom<br> &nbsp; &nbsp;at /app/index.js:5:9<br> &nbsp; &nbsp;at Layer.handle"
                + " [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)</pre>"))
                .contains("Express with stack traces");
    }

    @Test
    void aspNetDetailedErrors() {
        assertThat(framework("<h1>Server Error in '/' Application.</h1><b>Stack Trace:</b>"))
                .contains("ASP.NET with detailed errors");
        assertThat(framework("<h1>An unhandled exception occurred while processing the request.</h1>"))
                .contains("ASP.NET with detailed errors");
    }

    @Test
    void phpErrorWithAFilePath() {
        assertThat(framework("<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function x() in"
                + " <b>/var/www/html/index.php</b> on line <b>3</b><br />")).contains("PHP with display_errors on");
        assertThat(framework("PHP Warning:  include(): Failed opening 'x' in /srv/app/lib.php on line 12"))
                .contains("PHP with display_errors on");
    }

    @Test
    void productionErrorPagesAreNotDebugPages() {
        assertThat(framework("<h1>Not Found</h1><p>The requested resource was not found on this server.</p>")).isEmpty();
        assertThat(framework("<h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error"
                + "</p><div>There was an unexpected error (type=Not Found, status=404).</div>")).isEmpty();
        assertThat(framework("{\"timestamp\":\"2026-01-01T00:00:00Z\",\"status\":404,\"error\":\"Not Found\","
                + "\"path\":\"/x\"}")).isEmpty();
        assertThat(framework("<pre>Cannot GET /preflight-x-not-found</pre>")).isEmpty();
        assertThat(framework("<h1>Whoops, looks like something went wrong.</h1>")).isEmpty();
        assertThat(framework("<h1>Server Error in '/' Application.</h1><p>Runtime Error</p>")).isEmpty();
        assertThat(framework("Warning: the shop is closed today. Come back tomorrow at 9.")).isEmpty();
    }

    @Test
    void werkzeugTracebackPageWithoutItsScriptLinks() {
        assertThat(framework("<h2 class=\"traceback\">Traceback <em>(most recent call last)</em></h2><div class="
                + "\"explanation\">The debugger caught an exception in your WSGI application.  You can now look at the"
                + " traceback which led to the error.</div>")).contains("Werkzeug debugger");
    }

    @Test
    void starletteDebugTracebackInHtml() {
        assertThat(framework("<html><head><title>Starlette Debugger</title></head><body><h1>500 Server Error</h1>"
                + "<h2>ZeroDivisionError: division by zero</h2><div class=\"traceback-container\"><p class=\""
                + "traceback-title\">Traceback</p><div><p class=\"frame-title\">File <span class=\"frame-filename\">"
                + "/app/main.py</span>, line <i>9</i>, in <b>root</b></p></div></div></body></html>"))
                .contains("Starlette/FastAPI with debug=True");
        assertThat(framework("<h2>KeyError</h2><div class='traceback-container'><p class='traceback-title'>Traceback</p>"
                + "<p>File <span class='debug-filename'>`/app/api.py`</span>,\n line <i>31</i>, in <b>get</b></p>"))
                .contains("Starlette/FastAPI with debug=True");
    }

    @Test
    void plainPythonTracebackOnAnErrorStatus() {
        String plain = "Traceback (most recent call last):\n  File \"/usr/lib/python3.12/site-packages/starlette/"
                + "middleware/errors.py\", line 164, in __call__\n    await self.app(scope, receive, _send)\n"
                + "ZeroDivisionError: division by zero\n";
        assertThat(framework(plain)).contains("Python with tracebacks");
        assertThat(DebugPages.recognise(200, plain)).as("a 2xx page may show a traceback as content").isEmpty();
        assertThat(framework("{\"detail\":\"Traceback (most recent call last):\\n  File \\\"/app/main.py\\\", line"
                + " 12, in read_item\\nKeyError: 'x'\\n\"}")).contains("Python with tracebacks");
        assertThat(framework("<pre>Traceback (most recent call last):\n  File &quot;/srv/app/views.py&quot;, line 7,"
                + " in index\nValueError</pre>")).contains("Python with tracebacks");
    }

    @Test
    void djangoTechnicalServerErrorPageAsText() {
        assertThat(framework("Environment:\n\nRequest Method: GET\nRequest URL: http://shop.test/x\n\nDjango"
                + " Version: 5.0.1\nPython Version: 3.12.1\n\nException Type: ZeroDivisionError at /x\n"))
                .contains("Django with DEBUG = True");
    }

    @Test
    void symfonyDebugExceptionPage() {
        assertThat(framework("<header><div class=\"container\"><h1 class=\"logo\"><svg></svg> Symfony Exception</h1>"
                + "</div></header><div class=\"exception-summary\"><h2 class=\"exception-message\">No route found"
                + "</h2></div>")).contains("Symfony in debug mode");
    }

    @Test
    void proseAboutTracebacksIsNotADebugPage() {
        assertThat(framework("<p>When your view raises, Python prints a traceback (most recent call last) that"
                + " names each file and line. Read it from the bottom up.</p>")).isEmpty();
        assertThat(framework("<h1>Debugging Flask</h1><p>Never enable the Werkzeug Debugger in production: its"
                + " console runs code. Starlette's debugger is no better.</p>")).isEmpty();
        assertThat(framework("<p>A Symfony Exception is a PHP object.</p>")).isEmpty();
    }

    private static Optional<String> framework(String text) {
        return DebugPages.recognise(500, text).map(DebugPages.DebugPage::framework);
    }
}
