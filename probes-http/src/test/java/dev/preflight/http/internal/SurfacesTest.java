package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SurfacesTest {

    @Test
    void gitHeadIsARefOrACommitId() {
        assertThat(Surfaces.isGit("ref: refs/heads/main\n")).isTrue();
        assertThat(Surfaces.isGit("3f786850e387550fdab836ed7e6dc881de23001b\n")).isTrue();
        assertThat(Surfaces.isGit("[core]\n\trepositoryformatversion = 0\n\tbare = false\n")).isTrue();
        assertThat(Surfaces.isGit("<html>ref: refs/heads/main</html>")).isFalse();
        assertThat(Surfaces.isGit("Welcome")).isFalse();
    }

    @Test
    void dotenvIsMostlyAssignmentsWithoutMarkup() {
        assertThat(Surfaces.isDotenv("# production\nDB_PASSWORD=hunter2\nexport API_KEY=\"x\"\n\nDEBUG=false\n")).isTrue();
        assertThat(Surfaces.isDotenv("<!doctype html><html><body>A=B</body></html>")).isFalse();
        assertThat(Surfaces.isDotenv("Welcome to our shop!\nWe sell things.\nprice=3")).isFalse();
        assertThat(Surfaces.isDotenv("")).isFalse();
    }

    @Test
    void eachFingerprintMatchesItsOwnSurfaceOnly() {
        assertThat(matching("{\"openapi\":\"3.1.0\",\"info\":{}}")).containsExactly("openapi");
        assertThat(matching("{\"swagger\": \"2.0\"}")).containsExactly("openapi");
        assertThat(matching("<html><div id=\"swagger-ui\"></div></html>")).containsExactly("swagger-ui");
        assertThat(matching("<html><redoc spec-url=\"/openapi.json\"></redoc></html>")).containsExactly("redoc");
        assertThat(matching("{\"data\":{\"__schema\":{\"types\":[{\"name\":\"Query\"}]}}}")).containsExactly("graphql");
        assertThat(matching("{\"_links\":{\"self\":{\"href\":\"/actuator\"},\"health\":{\"href\":\"/actuator/health\"}}}"))
                .containsExactly("actuator");
        assertThat(matching("{\"_links\":{\"self\":{},\"heapdump\":{\"href\":\"/actuator/heapdump\"}}}"))
                .containsExactly("heapdump", "actuator");
        assertThat(matching("{\"activeProfiles\":[],\"propertySources\":[{\"name\":\"server.ports\"}]}"))
                .containsExactly("actuator-env");
        assertThat(matching("<title>Apache Status</title><h1>Apache Server Status for shop</h1>"))
                .containsExactly("server-status");
        assertThat(matching("<title>PHP 8.2.7 - phpinfo()</title>")).containsExactly("phpinfo");
        assertThat(matching("Types of profiles available:\n<a href=\"goroutine?debug=1\">goroutine</a>"))
                .containsExactly("pprof");
        assertThat(matching("<div id=\"wpadminbar\"></div><ul id=\"adminmenu\">")).containsExactly("wp-admin");
        assertThat(matching("<title>Site administration | Django site admin</title><h1 id=\"site-name\">Django"
                + " administration</h1><div id=\"user-tools\">Welcome</div>")).containsExactly("django-admin");
    }

    @Test
    void internalsHaveTheirOwnSignatures() {
        String prometheus = "# HELP http_requests_total The total number of HTTP requests.\n"
                + "# TYPE http_requests_total counter\nhttp_requests_total{method=\"post\",code=\"200\"} 1027\n";
        assertThat(matching(prometheus)).containsExactly("metrics");
        assertThat(matching("# HELP jvm_memory_used_bytes used\n# TYPE jvm_memory_used_bytes gauge\n# EOF\n"))
                .as("OpenMetrics").containsExactly("metrics");
        assertThat(matching("{\"cmdline\":[\"/srv/api\",\"-port=8080\"],\"memstats\":{\"Alloc\":1}}"))
                .containsExactly("expvar");
        assertThat(matching("<html><head><title>Server Information</title></head><body><h1 align=center>Apache Server"
                + " Information</h1>")).containsExactly("server-info");
    }

    @Test
    void pagesThatOnlyMentionInternalsAreNotThem() {
        assertThat(matching("<html><body><pre># HELP x y\n# TYPE x counter\n</pre></body></html>"))
                .as("a blog post quoting the format").isEmpty();
        assertThat(matching("# HELP without a type line\n")).isEmpty();
        assertThat(matching("{\"cmdline\":[\"x\"]}")).as("no memstats").isEmpty();
        assertThat(matching("<h1>Apache Server Info</h1>")).isEmpty();
    }

    @Test
    void djangoAdminLoginFormIsItsLoginPageNotItsContent() {
        String login = "<title>Log in | Django site admin</title><h1 id=\"site-name\">Django administration</h1>"
                + "<form action=\"/admin/login/?next=/admin/\" method=\"post\" id=\"login-form\"></form>";
        Surface admin = Surfaces.named("django-admin").orElseThrow();
        assertThat(matching(login)).isEmpty();
        assertThat(admin.loginPage().test(login)).isTrue();
        assertThat(admin.loginPage().test("<form id=\"login-form\"></form>")).as("another site's login").isFalse();
        assertThat(Surfaces.named("wp-admin").orElseThrow().loginPage()).isNull();
    }

    @Test
    void aRefusedIntrospectionIsNotASchema() {
        assertThat(matching("{\"errors\":[{\"message\":\"GraphQL introspection is not allowed, but the query"
                + " contained __schema or __type\"}]}")).isEmpty();
    }

    @Test
    void ordinaryPagesMatchNothing() {
        assertThat(matching("Welcome")).isEmpty();
        assertThat(matching("<!doctype html><html><head><title>Shop</title></head><body>404 Not Found</body></html>"))
                .isEmpty();
        assertThat(matching("{\"status\":404,\"error\":\"Not Found\",\"path\":\"/openapi.json\"}")).isEmpty();
    }

    @Test
    void secretSurfacesComeFirstAndNamesAreUnique() {
        List<Surface> all = Surfaces.all();
        assertThat(all).extracting(Surface::name).doesNotHaveDuplicates();
        assertThat(all.stream().filter(Surface::secret).map(Surface::name))
                .containsExactly("dotenv", "git", "actuator-env", "heapdump", "phpinfo");
        assertThat(Surfaces.named("openapi")).isPresent();
        assertThat(Surfaces.named("nope")).isEmpty();
    }

    @Test
    void expectationsParseAndNameTheKeyWhenWrong() {
        assertThat(Exposure.parse(" Public ", "k")).isEqualTo(Exposure.PUBLIC);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Exposure.parse("open", "http.exposed-endpoints.expect.git"))
                .hasMessage("setting http.exposed-endpoints.expect.git must be absent, auth or public");
    }

    private static List<String> matching(String text) {
        return Surfaces.all().stream().filter(s -> s.fingerprint().test(text)).map(Surface::name).toList();
    }
}
