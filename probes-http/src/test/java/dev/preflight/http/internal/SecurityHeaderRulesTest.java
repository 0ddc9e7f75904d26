package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityHeaderRulesTest {

    @Test
    void oneStrictPolicyIsEnoughBecausePoliciesAreEnforcedTogether() {
        List<ContentSecurityPolicy> policies = ContentSecurityPolicy.parseAll(
                List.of("script-src 'unsafe-inline' 'unsafe-eval' *", "default-src 'self'"));

        assertThat(SecurityHeaderRules.csp(policies, false)).isEmpty();
    }

    @Test
    void aProblemEveryPolicyHasIsReportedWithTheFirstPolicysDirective() {
        List<ContentSecurityPolicy> policies = ContentSecurityPolicy.parseAll(
                List.of("img-src 'self'", "default-src 'self' 'unsafe-inline'", "script-src 'unsafe-inline'"));

        assertThat(SecurityHeaderRules.csp(policies, false)).extracting(HeaderFinding::summary)
                .containsExactly("Content-Security-Policy allows inline scripts ('unsafe-inline' in default-src)");
    }

    @Test
    void findingsKeepTheirOwnPenalties() {
        List<HeaderFinding> findings = SecurityHeaderRules.csp(
                ContentSecurityPolicy.parseAll(List.of("script-src 'unsafe-inline' 'unsafe-eval' https:")), false);

        assertThat(findings).extracting(HeaderFinding::penalty).containsExactly(20, 20, 10);
        assertThat(findings.get(1).summary()).isEqualTo(
                "Content-Security-Policy allows scripts from any host (https: in script-src)");
    }

    @Test
    void conflictingFrameOptionsStillRefuseFraming() {
        assertThat(SecurityHeaderRules.framing(List.of("DENY", "SAMEORIGIN"), List.of(), true)).isEmpty();
        assertThat(SecurityHeaderRules.framing(List.of("sameorigin, garbage"), List.of(), true)).isEmpty();
    }

    @Test
    void frameAncestorsReplacesFrameOptions() {
        List<ContentSecurityPolicy> wide = ContentSecurityPolicy.parseAll(List.of("frame-ancestors *"));

        assertThat(SecurityHeaderRules.framing(List.of("DENY"), wide, true)).singleElement()
                .extracting(HeaderFinding::status).isEqualTo(Status.FAIL);
    }

    @Test
    void nosniffIsReadFromTheFirstValueOfTheCombinedHeader() {
        assertThat(SecurityHeaderRules.nosniff(List.of("NoSniff"))).isEmpty();
        assertThat(SecurityHeaderRules.nosniff(List.of("nosniff, nosniff"))).isEmpty();
        assertThat(SecurityHeaderRules.nosniff(List.of("sniff", "nosniff"))).hasSize(1);
    }

    @Test
    void theLastKnownReferrerPolicyWins() {
        assertThat(SecurityHeaderRules.referrer(List.of("unsafe-url, strict-origin-when-cross-origin"))).isEmpty();
        assertThat(SecurityHeaderRules.referrer(List.of("no-referrer", "unsafe-url, made-up"))).singleElement()
                .extracting(HeaderFinding::summary).asString().startsWith("Referrer-Policy unsafe-url");
        assertThat(SecurityHeaderRules.referrer(List.of("made-up"))).singleElement()
                .extracting(HeaderFinding::penalty).isEqualTo(5);
    }
}
