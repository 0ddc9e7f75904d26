package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void namesParseIgnoringCaseAndSpace() {
        assertThat(ReportFormat.parse("text")).isEqualTo(ReportFormat.TEXT);
        assertThat(ReportFormat.parse(" JSON ")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.parse("JUnit")).isEqualTo(ReportFormat.JUNIT);
        assertThat(ReportFormat.parse("Markdown")).isEqualTo(ReportFormat.MARKDOWN);
    }

    @Test
    void aliasesParse() {
        assertThat(ReportFormat.parse("junit-xml")).isEqualTo(ReportFormat.JUNIT);
        assertThat(ReportFormat.parse("XML")).isEqualTo(ReportFormat.JUNIT);
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
    }

    @Test
    void unknownNameIsRejectedListingTheValidOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> ReportFormat.parse("html"))
                .withMessage("unknown report format 'html'; use one of text, json, junit (junit-xml, xml), markdown (md)");
        assertThatIllegalArgumentException().isThrownBy(() -> ReportFormat.parse(null))
                .withMessageContaining("unknown report format 'null'");
    }

    @Test
    void eachFormatHasItsFileExtension() {
        assertThat(ReportFormat.values()).extracting(ReportFormat::fileExtension)
                .containsExactly("txt", "json", "xml", "md");
    }

    @Test
    void eachFormatHasItsWriterAndOnlyTextTakesColour() {
        assertThat(ReportFormat.TEXT.writer(true)).isInstanceOf(TextReportWriter.class);
        assertThat(ReportFormat.JSON.writer(true)).isInstanceOf(JsonReportWriter.class);
        assertThat(ReportFormat.JUNIT.writer(true)).isInstanceOf(JunitXmlReportWriter.class);
        assertThat(ReportFormat.MARKDOWN.writer(true)).isInstanceOf(MarkdownReportWriter.class);
        assertThat(Reports.render(ReportFormat.TEXT.writer(false), Reports.sample())).doesNotContain("\u001b");
        assertThat(Reports.render(ReportFormat.TEXT.writer(true), Reports.sample())).contains("\u001b[");
    }
}
