package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TlsRptRecord} never throws: every malformed record becomes a FAIL problem. */
class TlsRptRecordTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ";", "=", "v=TLSRPTv1", "v=TLSRPTv1;", "v=TLSRPTv1; rua=", "v=TLSRPTv1; rua= ",
            "v=TLSRPTv1; rua=,", "v=TLSRPTv1; rua=mailto:", "v=TLSRPTv1; rua=mailto:@x.test",
            "v=TLSRPTv1; rua=mailto:a@", "v=TLSRPTv1; rua=a@x.test", "v=TLSRPTv1; rua=http://x.test/r",
            "v=TLSRPTv1; rua=https://", "v=TLSRPTv1; rua=https:///path", "v=TLSRPTv1; rua=https://x y/",
            "v=TLSRPTv1; rua=mailto:a@x.test,", "v=TLSRPTv1; rua=mailto:a@x.test; rua=mailto:b@x.test",
            "v=TLSRPTv1; ruf", "v=TLSRPTv1; =x; rua=mailto:a@x.test", "v=tlsrptv1; rua=mailto:a@x.test",
            "v=TLSRPTv2; rua=mailto:a@x.test", "rua=mailto:a@x.test", "v=TLSRPTv1x; rua=mailto:a@x.test",
            "v=TLSRPTv1; rua=mailto:a b@x.test", "v=TLSRPTv1; rua=https://[::1", "v=TLSRPTv1; rua=\u00e9"})
    void everyMalformedRecordBecomesAFailure(String text) {
        TlsRptRecord record = TlsRptRecord.parse(text);
        assertThat(record.problems()).as(text).isNotEmpty();
        assertThat(Problem.worst(record.problems())).as(text).isEqualTo(Status.FAIL);
    }

    @Test
    void nullIsAProblemNotAnException() {
        assertThat(TlsRptRecord.parse(null).problems()).isNotEmpty();
        assertThat(TlsRptRecord.isTlsRpt(null)).isFalse();
        assertThat(TlsRptRecord.looksLikeTlsRpt(null)).isFalse();
    }

    @Test
    void aValidRecordHasNoProblemsAndItsUris() {
        TlsRptRecord record = TlsRptRecord.parse(
                " v=TLSRPTv1 ;rua=mailto:tls@x.test , https://reports.x.test/tlsrpt?d=x.test;");
        assertThat(record.problems()).isEmpty();
        assertThat(record.rua()).containsExactly("mailto:tls@x.test", "https://reports.x.test/tlsrpt?d=x.test");
    }

    @Test
    void lookalikesAreToldApart() {
        assertThat(TlsRptRecord.isTlsRpt("v=TLSRPTv1;rua=mailto:a@x.test")).isTrue();
        assertThat(TlsRptRecord.isTlsRpt("v=TLSRPTv10; rua=mailto:a@x.test")).isFalse();
        assertThat(TlsRptRecord.looksLikeTlsRpt("V=tlsrptv1; rua=mailto:a@x.test")).isTrue();
        assertThat(TlsRptRecord.looksLikeTlsRpt("v=spf1 -all")).isFalse();
    }
}
