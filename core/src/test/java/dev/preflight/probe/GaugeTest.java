package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gauges a probe declares on its result, for the Prometheus exporter. */
class GaugeTest {

    @Test
    void resultKeepsGaugesInOrderAndALaterOneWithTheSameNameAndLabelsReplacesTheEarlier() {
        Result result = Result.builder(Status.PASS).summary("ok")
                .gauge(Gauge.of("backup_age_seconds", 10, "Age of the newest backup"))
                .gauge(Gauge.of("tls_certificate_expiry_timestamp_seconds", 1.8e9, "When the certificate expires")
                        .withLabel("host", "mx1.example.com"))
                .gauge(Gauge.of("tls_certificate_expiry_timestamp_seconds", 1.9e9, "When the certificate expires")
                        .withLabel("host", "mx2.example.com"))
                .gauge(Gauge.of("backup_age_seconds", 20, "Age of the newest backup"))
                .build();

        assertThat(result.gauges()).extracting(Gauge::name, Gauge::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("backup_age_seconds", 20.0),
                org.assertj.core.groups.Tuple.tuple("tls_certificate_expiry_timestamp_seconds", 1.8e9),
                org.assertj.core.groups.Tuple.tuple("tls_certificate_expiry_timestamp_seconds", 1.9e9));
        assertThat(result.toBuilder().build().gauges()).isEqualTo(result.gauges());
    }

    @Test
    void redactionReachesLabelValuesButNotNames() {
        Result result = Result.builder(Status.PASS).summary("ok")
                .gauge(Gauge.of("backup_age_seconds", 1, "Age").withLabel("location", "s3://key:s3cr3t@bucket"))
                .build();

        Result redacted = result.mapText(t -> t.replace("s3cr3t", "***"));

        assertThat(redacted.gauges().get(0).labels()).containsEntry("location", "s3://key:***@bucket");
        assertThat(redacted.gauges().get(0).name()).isEqualTo("backup_age_seconds");
    }

    @Test
    void malformedOrReservedNamesLabelsAndValuesAreRefused() {
        assertThatThrownBy(() -> Gauge.of("BackupAge", 1, "x")).hasMessageContaining("lower snake case");
        assertThatThrownBy(() -> Gauge.of("preflight_backup_age_seconds", 1, "x")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> Gauge.of("scrapes_total", 1, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gauge.of("lag_seconds", Double.NaN, "x")).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Gauge("lag_seconds", Map.of("target", "db"), 1, "x"))
                .hasMessageContaining("'target' is not a label");
        assertThatThrownBy(() -> new Gauge("lag_seconds", Map.of("Host", "db"), 1, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsAreSortedSoThatEqualGaugesAreEqual() {
        Gauge a = Gauge.of("lag_seconds", 1, "Lag").withLabel("replica", "r1").withLabel("host", "h");
        Gauge b = Gauge.of("lag_seconds", 1, "Lag").withLabel("host", "h").withLabel("replica", "r1");

        assertThat(a).isEqualTo(b);
        assertThat(a.labels().keySet()).containsExactly("host", "replica");
    }
}
