package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void readsDirectivesAndSourcesInOrder() {
        ContentSecurityPolicy policy = ContentSecurityPolicy.parse(
                "default-src 'self'; script-src 'self' https://cdn.example; img-src *");

        assertThat(policy.directives()).containsExactly(
                Map.entry("default-src", List.of("'self'")),
                Map.entry("script-src", List.of("'self'", "https://cdn.example")),
                Map.entry("img-src", List.of("*")));
        assertThat(policy.ignored()).isEmpty();
    }

    @Test
    void directiveNamesAreLowerCasedAndWhitespaceIsLoose() {
        ContentSecurityPolicy policy = ContentSecurityPolicy.parse("  SCRIPT-SRC\t'self'   'nonce-abc' \r\n;;  ; ");

        assertThat(policy.directives()).containsExactly(Map.entry("script-src", List.of("'self'", "'nonce-abc'")));
    }

    @Test
    void aRepeatedDirectiveIsIgnoredAfterItsFirstOccurrence() {
        ContentSecurityPolicy policy = ContentSecurityPolicy.parse("script-src 'unsafe-inline'; Script-Src 'self'");

        assertThat(policy.directive("script-src")).contains(List.of("'unsafe-inline'"));
        assertThat(policy.ignored()).containsExactly("Script-Src 'self'");
    }

    @Test
    void aDirectiveWithoutSourcesHasAnEmptyList() {
        assertThat(ContentSecurityPolicy.parse("frame-ancestors").directive("frame-ancestors")).contains(List.of());
    }

    @Test
    void nonAsciiDirectivesAreSkipped() {
        ContentSecurityPolicy policy = ContentSecurityPolicy.parse("script-src 'self' https://ex\u00e4mple.test; img-src 'self'");

        assertThat(policy.directives()).containsOnlyKeys("img-src");
        assertThat(policy.ignored()).hasSize(1);
    }

    @Test
    void emptyPoliciesAreDropped() {
        assertThat(ContentSecurityPolicy.parseAll(List.of("", " ; ;", ","))).isEmpty();
        assertThat(ContentSecurityPolicy.parseAll(List.of())).isEmpty();
    }

    @Test
    void commasAndHeaderLinesBothSeparatePolicies() {
        List<ContentSecurityPolicy> policies = ContentSecurityPolicy.parseAll(
                List.of("default-src 'self', script-src *", "img-src 'none'"));

        assertThat(policies).hasSize(3);
        assertThat(policies.get(1).directive("script-src")).contains(List.of("*"));
        assertThat(policies.get(2).directive("img-src")).contains(List.of("'none'"));
    }

    @Test
    void scriptsFallBackToDefaultSrc() {
        assertThat(ContentSecurityPolicy.parse("default-src 'self'; script-src 'none'").scriptDirective())
                .contains("script-src");
        assertThat(ContentSecurityPolicy.parse("default-src 'self'").scriptDirective()).contains("default-src");
        assertThat(ContentSecurityPolicy.parse("frame-ancestors 'none'").scriptDirective()).isEmpty();
    }

    @Test
    void inlineIsAllowedOnlyWithoutNonceHashOrStrictDynamic() {
        assertThat(CspSources.allowsInline(List.of("'self'", "'UNSAFE-INLINE'"))).isTrue();
        assertThat(CspSources.allowsInline(List.of("'unsafe-inline'", "'nonce-r4nd0m'"))).isFalse();
        assertThat(CspSources.allowsInline(List.of("'unsafe-inline'", "'sha256-abc='"))).isFalse();
        assertThat(CspSources.allowsInline(List.of("'unsafe-inline'", "'strict-dynamic'"))).isFalse();
        assertThat(CspSources.allowsInline(List.of("'self'"))).isFalse();
    }

    @Test
    void evalNeedsUnsafeEvalNotWasmUnsafeEval() {
        assertThat(CspSources.allowsEval(List.of("'unsafe-eval'"))).isTrue();
        assertThat(CspSources.allowsEval(List.of("'wasm-unsafe-eval'"))).isFalse();
    }

    @Test
    void broadSourcesAreWildcardsAndBareSchemes() {
        assertThat(CspSources.broad(List.of("'self'", "*", "HTTPS:", "data:", "https://*", "https://cdn.example",
                "*.example.com", "blob:"))).containsExactly("*", "HTTPS:", "data:", "https://*");
        assertThat(CspSources.broad(List.of("'nonce-x'", "'strict-dynamic'", "https:"))).isEmpty();
    }

    @Test
    void framingIsRestrictedUnlessAnySiteMayFrame() {
        assertThat(CspSources.restrictsFraming(List.of())).isTrue();
        assertThat(CspSources.restrictsFraming(List.of("'self'", "https://partner.example"))).isTrue();
        assertThat(CspSources.restrictsFraming(List.of("'self'", "*"))).isFalse();
        assertThat(CspSources.restrictsFraming(List.of("https:"))).isFalse();
    }
}
