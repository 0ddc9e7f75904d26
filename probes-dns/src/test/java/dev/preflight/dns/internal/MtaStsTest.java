package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MtaSts} never throws: malformed records and policies become FAIL problems. */
class MtaStsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ";", "v=STSv1", "v=STSv1;", "v=STSv1; id=", "v=STSv1; id=abc-def;",
            "v=STSv1; id=123456789012345678901234567890123;", "v=STSv1; id=1; id=2;", "v=STSv1; id",
            " v=STSv1; id=1;", "v=STSv1 ; id=1;", "v=stsv1; id=1;", "id=1; v=STSv1;", "v=STSv1; id=\u00e9;"})
    void everyMalformedRecordBecomesAFailure(String text) {
        MtaSts.TxtRecord record = MtaSts.parseRecord(text);
        assertThat(record.problems()).as(text).isNotEmpty();
        assertThat(Problem.worst(record.problems())).as(text).isEqualTo(Status.FAIL);
        assertThat(record.id()).as(text).isNull();
    }

    @Test
    void aValidRecordHasItsId() {
        MtaSts.TxtRecord record = MtaSts.parseRecord("v=STSv1; id=20240101T000000Z;");
        assertThat(record.problems()).isEmpty();
        assertThat(record.id()).isEqualTo("20240101T000000Z");
        assertThat(MtaSts.parseRecord(null).problems()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "garbage", ":", "version: STSv1", "version: STSv2\nmode: enforce\nmx: a.x.test"
            + "\nmax_age: 1", "version: STSv1\nmode: Enforce\nmx: a.x.test\nmax_age: 1",
            "version: STSv1\nmode: enforce\nmax_age: 1", "version: STSv1\nmode: enforce\nmx: a.x.test\nmax_age: -1",
            "version: STSv1\nmode: enforce\nmx: a.x.test\nmax_age: 31557601",
            "version: STSv1\nmode: enforce\nmx: a.x.test\nmax_age: 99999999999999999999",
            "version: STSv1\nmode: enforce\nmx: a.x.test\nmax_age: 1e5",
            "version: STSv1\nmode: enforce\nmx: a.x.test", "mode: enforce\nmx: a.x.test\nmax_age: 1",
            "version: STSv1\nmode: enforce\nmx: a.*.x.test\nmax_age: 1",
            "version: STSv1\nmode: enforce\nmx: *\nmax_age: 1", "version: STSv1\nmode: enforce\nmx: localhost\nmax_age: 1",
            "version: STSv1\nmode: enforce\nmode: none\nmx: a.x.test\nmax_age: 1",
            "version: STSv1\nmode: enforce\nmx: a..x.test\nmax_age: 1", "version: STSv1\nmode: enforce\nmx:\nmax_age: 1",
            "version: STSv1\nmode: enforce\nmx: a.x.test\nmax_age:"})
    void everyMalformedPolicyBecomesAFailure(String body) {
        MtaSts.Policy policy = MtaSts.parsePolicy(body);
        assertThat(policy.problems()).as(body).isNotEmpty();
        assertThat(Problem.worst(policy.problems())).as(body).isEqualTo(Status.FAIL);
    }

    @Test
    void aValidPolicyIsRead() {
        MtaSts.Policy policy = MtaSts.parsePolicy(
                "version: STSv1\r\nmode: enforce\r\nmx: MX1.x.test.\r\nmx: *.mail.x.test\r\nmax_age: 31557600\r\nfoo: bar\r\n");
        assertThat(policy.problems()).isEmpty();
        assertThat(policy.mode()).isEqualTo("enforce");
        assertThat(policy.maxAge()).isEqualTo(31557600L);
        assertThat(policy.mx()).containsExactly("mx1.x.test", "*.mail.x.test");
        assertThat(MtaSts.parsePolicy(null).problems()).isNotEmpty();
    }

    @Test
    void wildcardsCoverExactlyOneLeftMostLabel() {
        List<String> patterns = List.of("mx1.x.test", "*.mail.x.test");
        assertThat(MtaSts.covering(patterns, "MX1.x.test.")).hasValue("mx1.x.test");
        assertThat(MtaSts.covering(patterns, "a.mail.x.test")).hasValue("*.mail.x.test");
        assertThat(MtaSts.covering(patterns, "mail.x.test")).isEmpty();
        assertThat(MtaSts.covering(patterns, "a.b.mail.x.test")).isEmpty();
        assertThat(MtaSts.covering(patterns, "mx2.x.test")).isEmpty();
        assertThat(MtaSts.covering(patterns, "")).isEmpty();
    }
}
