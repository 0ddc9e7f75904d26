package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProductVersionsTest {

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "Server       | nginx/1.22.1                                  | nginx/1.22.1",
        "Server       | Apache/2.4.57 (Debian) OpenSSL/3.0.11         | Apache/2.4.57, OpenSSL/3.0.11",
        "Server       | Jetty(9.4.44.v20210927)                       | Jetty/9.4.44",
        "Server       | Microsoft-IIS/10.0                            | Microsoft-IIS/10.0",
        "Server       | Werkzeug/2.3.7 Python/3.11.4                  | Werkzeug/2.3.7, Python/3.11.4",
        "X-Powered-By | PHP/8.1.2-1ubuntu2.14                         | PHP/8.1.2",
        "X-Generator  | Drupal 10 (https://www.drupal.org)            | Drupal/10",
        "X-Powered-By | WordPress 6.4.2                               | WordPress/6.4.2",
        "X-AspNet-Version    | 4.0.30319                              | ASP.NET/4.0.30319",
        "X-AspNetMvc-Version | 5.2                                    | ASP.NET MVC/5.2",
    })
    void findsVersions(String header, String value, String expected) {
        assertThat(String.join(", ", ProductVersions.in(header, value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "Server       | nginx",
        "Server       | cloudflare",
        "Server       | AmazonS3",
        "Server       | ECS (dcb/7F84)",
        "X-Powered-By | Express",
        "X-Powered-By | Next.js",
        "X-Powered-By | ASP.NET",
        "X-Runtime    | 0.012345",
    })
    void bareNamesAndNumbersThatAreNoVersionsAreNotVersions(String header, String value) {
        assertThat(ProductVersions.in(header, value)).isEmpty();
    }

    @Test
    void remediesNameTheServersSwitch() {
        assertThat(ProductVersions.remedy("Server", "nginx/1.22.1")).contains("server_tokens off");
        assertThat(ProductVersions.remedy("Server", "Apache/2.4.57")).contains("ServerTokens Prod");
        assertThat(ProductVersions.remedy("X-Powered-By", "PHP/8.1.2")).contains("expose_php = Off");
        assertThat(ProductVersions.remedy("X-Powered-By", "Express")).contains("app.disable('x-powered-by')");
        assertThat(ProductVersions.remedy("X-Generator", "Drupal 10")).contains("proxy_hide_header X-Generator");
    }
}
