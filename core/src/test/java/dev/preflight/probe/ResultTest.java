package dev.preflight.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void detailsAreCopiedOrderedAndUnmodifiable() {
        List<String> chain = new ArrayList<>(List.of("leaf", "intermediate"));
        Result r = Result.builder(Status.WARN).summary("expires soon").detail("daysLeft", 12).detail("chain", chain)
                .detail("selfSigned", false).detail("ignored", null).build();
        chain.add("root");

        assertThat(r.details()).containsExactly(
                org.assertj.core.api.Assertions.entry("daysLeft", 12),
                org.assertj.core.api.Assertions.entry("chain", List.of("leaf", "intermediate")),
                org.assertj.core.api.Assertions.entry("selfSigned", false));
        assertThatThrownBy(() -> r.details().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void summaryIsOneLine() {
        assertThat(Result.fail("line one\n  line two", "fix").summary()).isEqualTo("line one line two");
        assertThat(Result.pass("").summary()).isEqualTo("pass");
    }

    @Test
    void mapTextRewritesEveryText() {
        Result r = Result.builder(Status.FAIL).summary("key K").remediation("rotate K").subject("K")
                .detail("list", List.of("K", 1)).detail("key K", true).build().mapText(s -> s.replace("K", "…"));

        assertThat(r.summary()).isEqualTo("key …");
        assertThat(r.remediation()).hasValue("rotate …");
        assertThat(r.subject()).hasValue("…");
        assertThat(r.details().get("list")).isEqualTo(List.of("…", 1));
        assertThat(r.details()).containsKey("key …").doesNotContainKey("key K");
    }

    @Test
    void severityFoldsFailAboveErrorAboveWarnAbovePassAboveSkip() {
        assertThat(Status.PASS.worst(Status.ERROR).worst(Status.WARN)).isEqualTo(Status.ERROR);
        assertThat(Status.ERROR.worst(Status.FAIL)).isEqualTo(Status.FAIL);
        assertThat(Status.SKIP.worst(Status.PASS)).isEqualTo(Status.PASS);
        assertThat(Status.WARN.isProblem(false)).isFalse();
        assertThat(Status.WARN.isProblem(true)).isTrue();
    }
}
