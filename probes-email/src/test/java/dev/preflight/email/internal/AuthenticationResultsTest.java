package dev.preflight.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authentication-Results headers in the shapes real receivers write them (restated, with invented
 * domains and keys) and the examples of RFC 8601 appendix B.
 */
class AuthenticationResultsTest {

    @Test
    void readsGmailsFoldedHeaderWithCommentsInEachStatement() throws Exception {
        AuthenticationResults r = AuthenticationResults.parse("mx.google.com;\r\n"
                + "       dkim=pass header.i=@shop.example header.s=s1 header.b=Ab12Cd34;\r\n"
                + "       spf=pass (google.com: domain of bounce@shop.example designates 192.0.2.7 as permitted sender)"
                + " smtp.mailfrom=bounce@shop.example;\r\n"
                + "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=shop.example");

        assertThat(r.authservId()).contains("mx.google.com");
        assertThat(r.results()).isEqualTo(Map.of("dkim", List.of("pass"), "spf", List.of("pass"), "dmarc",
                List.of("pass")));
        assertThat(r.passes("spf")).isTrue();
    }

    @Test
    void readsMicrosoftsHeaderWhichHasNoServerId() throws Exception {
        AuthenticationResults r = AuthenticationResults.parse("spf=pass (sender IP is 192.0.2.7)"
                + " smtp.mailfrom=shop.example; dkim=pass (signature was verified) header.d=shop.example;dmarc=pass"
                + " action=none header.from=shop.example;compauth=pass reason=100");

        assertThat(r.authservId()).isEmpty();
        assertThat(r.results("spf")).containsExactly("pass");
        assertThat(r.results("dmarc")).containsExactly("pass");
        assertThat(r.results("compauth")).containsExactly("pass");
    }

    @Test
    void readsFastmailsHeaderWithPolicyProperties() throws Exception {
        AuthenticationResults r = AuthenticationResults.parse("mx6.messagingengine.com;\n"
                + "    dkim=pass (2048-bit rsa key sha256) header.d=shop.example header.i=@shop.example"
                + " header.b=Abc header.a=rsa-sha256 header.s=fm1 x-bits=2048;\n"
                + "    dmarc=none policy.published-domain-policy=none (p=none,d=none,d.eval=none)"
                + " policy.policy-from=p header.from=shop.example;\n"
                + "    iprev=pass smtp.remote-ip=192.0.2.7 (mail.shop.example);\n"
                + "    spf=softfail smtp.mailfrom=bounce@shop.example smtp.helo=mail.shop.example");

        assertThat(r.authservId()).contains("mx6.messagingengine.com");
        assertThat(r.results("dmarc")).containsExactly("none");
        assertThat(r.results("spf")).containsExactly("softfail");
        assertThat(r.passes("dmarc")).isFalse();
        assertThat(r.passes("dkim")).isTrue();
    }

    @Test
    void readsPostfixMilterHeadersWhoseCommentsHoldSemicolons() throws Exception {
        AuthenticationResults spf = AuthenticationResults.parse("mail.example.org; spf=pass (sender SPF authorized)"
                + " smtp.mailfrom=shop.example (client-ip=192.0.2.7; helo=mail.shop.example;"
                + " envelope-from=bounce@shop.example; receiver=<UNKNOWN>)");
        AuthenticationResults dkim = AuthenticationResults.parse("mail.example.org; dkim=pass (2048-bit key;"
                + " unprotected) header.d=shop.example header.i=@shop.example header.b=\"Ab1;2\"");
        AuthenticationResults dmarc = AuthenticationResults.parse("mail.example.org; dmarc=fail (p=quarantine dis=none)"
                + " header.from=shop.example");

        assertThat(spf.results()).isEqualTo(Map.of("spf", List.of("pass")));
        assertThat(dkim.results()).isEqualTo(Map.of("dkim", List.of("pass")));
        assertThat(dmarc.results("dmarc")).containsExactly("fail");
    }

    @Test
    void readsTheRfcExamples() throws Exception {
        assertThat(AuthenticationResults.parse("example.org 1; none").results()).isEmpty();
        assertThat(AuthenticationResults.parse("example.org 1; none").authservId()).contains("example.org");
        AuthenticationResults several = AuthenticationResults.parse("example.com; auth=pass (cram-md5)"
                + " smtp.auth=sender@example.net; spf=pass smtp.mailfrom=example.net; sender-id=pass"
                + " header.from=example.net; dkim=pass (good signature) header.d=mail-router.example.net;"
                + " dkim=fail (bad signature) header.d=newyork.example.com");

        assertThat(several.results("sender-id")).containsExactly("pass");
        assertThat(several.results("dkim")).containsExactly("pass", "fail");
        assertThat(several.passes("dkim")).as("one valid signature is enough").isTrue();
        assertThat(AuthenticationResults.parse("\"quoted.example\"; spf/1=neutral").results("spf"))
                .containsExactly("neutral");
    }

    @Test
    void malformedHeadersAreParseErrorsNotCrashes() {
        for (String bad : List.of("mx.example; spf=pass (never closed", "mx.example; spf=pass )", "", " ; spf=pass",
                "mx.example; this is not a statement", "mx.example; spf=\"unterminated")) {
            assertThatThrownBy(() -> AuthenticationResults.parse(bad)).as(bad).isInstanceOf(ParseException.class);
        }
    }

    @Test
    void theReportPrefersTheMailboxProvidersHeaderThenTheTopmost() {
        String relay = "relay.elsewhere.example; spf=fail smtp.mailfrom=shop.example";
        String provider = "mx.inbox.example; spf=pass smtp.mailfrom=shop.example";

        assertThat(AuthenticationReport.of(List.of(relay, provider), "imap.inbox.example").chosen().orElseThrow()
                .authservId()).contains("mx.inbox.example");
        assertThat(AuthenticationReport.of(List.of(relay, provider), "imap.other.example").chosen().orElseThrow()
                .authservId()).contains("relay.elsewhere.example");
    }

    @Test
    void theReportNotesMissingAndMalformedHeaders() {
        AuthenticationReport none = AuthenticationReport.of(List.of(), "imap.inbox.example");
        AuthenticationReport broken = AuthenticationReport.of(List.of("mx.inbox.example; spf=pass (oops",
                "mx.inbox.example; dkim=pass"), "imap.inbox.example");
        AuthenticationReport unreadable = AuthenticationReport.of(List.of("(oops"), "imap.inbox.example");

        assertThat(none.chosen()).isEmpty();
        assertThat(none.notes()).singleElement().asString().contains("no Authentication-Results header");
        assertThat(broken.chosen().orElseThrow().results("dkim")).containsExactly("pass");
        assertThat(broken.notes()).singleElement().asString().contains("malformed");
        assertThat(unreadable.chosen()).isEmpty();
        assertThat(unreadable.notes()).hasSize(2);
    }
}
