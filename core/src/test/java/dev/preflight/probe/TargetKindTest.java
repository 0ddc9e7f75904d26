package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetKindTest {
    @Test
    void wellKnownKindsKeepTheirLabels() {
        assertThat(java.util.List.of(TargetKind.WEB, TargetKind.DOMAIN, TargetKind.POSTGRES, TargetKind.REDIS,
                TargetKind.SMTP, TargetKind.STRIPE, TargetKind.RAZORPAY, TargetKind.ENV))
                .extracting(TargetKind::label)
                .containsExactly("web", "domain", "postgres", "redis", "smtp", "stripe", "razorpay", "env");
    }

    @Test
    void ofReturnsTheSameInstanceForTheSameLabel() {
        assertThat(TargetKind.of("web")).isSameAs(TargetKind.WEB);
        assertThat(TargetKind.of("mongodb")).isSameAs(TargetKind.of("mongodb")).isNotEqualTo(TargetKind.WEB);
    }

    @Test
    void kindsAreEqualByLabelAndPrintAsTheirLabel() {
        TargetKind mongo = TargetKind.of("mongodb");

        assertThat(mongo).isEqualTo(TargetKind.of("mongodb")).hasSameHashCodeAs(TargetKind.of("mongodb"));
        assertThat(mongo).hasToString("mongodb");
        assertThat(mongo.label()).isEqualTo("mongodb");
        assertThat(TargetKind.of("ms-sql2")).hasToString("ms-sql2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MongoDB", "mongo db", "1password", "-x", "mongo_db", "mongo.db", "mongödb"})
    void malformedLabelsAreRejectedWithTheRule(String label) {
        assertThatIllegalArgumentException().isThrownBy(() -> TargetKind.of(label))
                .withMessageContaining("is not a target kind").withMessageContaining("lower case");
    }

    @Test
    void nullLabelIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> TargetKind.of(null)).withMessageContaining("'label'");
    }

    @Test
    void schemesStillMapToTheWellKnownKinds() {
        assertThat(TargetKind.forScheme("HTTPS")).containsSame(TargetKind.WEB);
        assertThat(TargetKind.forScheme("postgresql")).containsSame(TargetKind.POSTGRES);
        assertThat(TargetKind.forScheme("rediss")).containsSame(TargetKind.REDIS);
        assertThat(TargetKind.forScheme("smtps")).containsSame(TargetKind.SMTP);
        assertThat(TargetKind.forScheme("mongodb")).isEmpty();
        assertThat(TargetKind.forScheme(null)).isEmpty();
    }
}
