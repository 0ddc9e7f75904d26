package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProbeSettingsTest {
    @Test
    void positiveIntegerTakesTheSettingOrTheFallback() {
        ProbeSettings settings = new ProbeSettings("http.static-assets", Map.of("http.static-assets.max-assets", " 5 "));

        assertThat(settings.positiveInteger("max-assets", 20)).isEqualTo(5);
        assertThat(settings.positiveInteger("max-bytes", 262144)).isEqualTo(262144);
    }

    @Test
    void positiveIntegerRefusesZeroAndWordsNamingTheFullKey() {
        ProbeSettings settings = new ProbeSettings("smtp.mx-starttls",
                Map.of("smtp.mx-starttls.max-hosts", "0", "smtp.mx-starttls.port", "many"));

        assertThatThrownBy(() -> settings.positiveInteger("max-hosts", 10)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("smtp.mx-starttls.max-hosts").hasMessageContaining("must be at least 1");
        assertThatThrownBy(() -> settings.positiveInteger("port", 25)).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("must be a whole number");
    }
}
