package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.preflight.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {
    @TempDir
    Path dir;

    private EnvFile parse(String text) {
        return EnvFile.parse(new Fixtures(dir).write(".env", text));
    }

    private ConfigException problem(String text) {
        return Fixtures.expectProblem(() -> parse(text));
    }

    @Test
    void commentsBlankLinesAndExportPrefixesAreSkipped() {
        EnvFile env = parse("""
                # production settings

                export DEBUG=false
                  APP_ENV = production
                """);

        assertThat(env.variables()).containsExactly(entry("DEBUG", "false"), entry("APP_ENV", "production"));
        assertThat(env.lineOf("DEBUG")).isEqualTo(3);
        assertThat(env.lineOf("APP_ENV")).isEqualTo(4);
    }

    @Test
    void unquotedValuesAreTrimmedAndLoseAnInlineComment() {
        EnvFile env = parse("""
                NAME=  Shop Ltd   # the legal name
                COLOR=#ff0000
                HASH=abc#def
                EMPTY=
                """);

        assertThat(env.variables()).containsExactly(entry("NAME", "Shop Ltd"), entry("COLOR", "#ff0000"),
                entry("HASH", "abc#def"), entry("EMPTY", ""));
    }

    @Test
    void singleQuotedValuesAreLiteral() {
        EnvFile env = parse("""
                PATTERN='a\\nb ${HOME} # not a comment'  # a comment
                """);

        assertThat(env.variables()).containsEntry("PATTERN", "a\\nb ${HOME} # not a comment");
    }

    @Test
    void doubleQuotedValuesUnderstandEscapes() {
        EnvFile env = parse("""
                GREETING="line one\\nline two\\ttabbed \\"quoted\\" back\\\\slash \\q"
                """);

        assertThat(env.variables()).containsEntry("GREETING", "line one\nline two\ttabbed \"quoted\" back\\slash \\q");
    }

    @Test
    void quotedValuesMaySpanLinesAndLaterLinesKeepTheirNumbers() {
        EnvFile env = parse("""
                PRIVATE_KEY="-----BEGIN PRIVATE KEY-----
                  MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
                -----END PRIVATE KEY-----"
                AFTER=1
                """);

        assertThat(env.variables()).containsEntry("PRIVATE_KEY",
                "-----BEGIN PRIVATE KEY-----\n  MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----");
        assertThat(env.lineOf("PRIVATE_KEY")).isEqualTo(1);
        assertThat(env.lineOf("AFTER")).isEqualTo(4);
    }

    @Test
    void valuesAreNotExpanded() {
        assertThat(parse("A=1\nB=${A}-$A\n").variables()).containsEntry("B", "${A}-$A");
    }

    @Test
    void aNameSetTwiceKeepsTheLastValueAndLine() {
        EnvFile env = parse("DEBUG=true\nOTHER=x\nDEBUG=false\n");

        assertThat(env.variables()).containsEntry("DEBUG", "false");
        assertThat(env.lineOf("DEBUG")).isEqualTo(3);
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkAreTolerated() {
        EnvFile env = parse("\uFEFFDEBUG=false\r\nNAME=\"x\"\r\n");

        assertThat(env.variables()).containsExactly(entry("DEBUG", "false"), entry("NAME", "x"));
    }

    @Test
    void namesMayHoldDotsAndUnderscores() {
        assertThat(parse("_PRIVATE=1\nspring.profiles.active=prod\n").variables())
                .containsOnlyKeys("_PRIVATE", "spring.profiles.active");
    }

    @Test
    void unsetNameHasLineZeroAndVariablesAreUnmodifiable() {
        EnvFile env = parse("A=1\n");

        assertThat(env.lineOf("B")).isZero();
        assertThatThrownBy(() -> env.variables().put("B", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lineWithoutEqualsIsMalformed() {
        ConfigException e = problem("DEBUG=false\nthis is not a variable\n");

        assertThat(e.file()).contains(dir.resolve(".env").toString());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).isEmpty();
        assertThat(e.problem()).startsWith("expected NAME=value");
    }

    @Test
    void nameWithADashOrLeadingDigitIsMalformed() {
        assertThat(problem("MY-VAR=1\n").line()).isEqualTo(1);
        assertThat(problem("A=1\n1ABC=x\n").problem()).startsWith("expected NAME=value");
    }

    @Test
    void unclosedQuoteIsReportedWhereItOpens() {
        ConfigException e = problem("A=1\nSECRET_KEY=\"abc\nB=2\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).contains("SECRET_KEY");
        assertThat(e.problem()).contains("never closed");
    }

    @Test
    void textAfterAClosingQuoteIsMalformed() {
        ConfigException e = problem("NAME='a'b\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.key()).contains("NAME");
        assertThat(e.problem()).startsWith("expected NAME=value");
    }

    @Test
    void missingFileIsReported() {
        Path missing = dir.resolve(".env.missing");

        ConfigException e = Fixtures.expectProblem(() -> EnvFile.parse(missing));

        assertThat(e.file()).contains(missing.toString());
        assertThat(e.problem()).contains("does not exist");
    }
}
