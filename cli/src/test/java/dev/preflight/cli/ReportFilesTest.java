package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportFilesTest {
    @TempDir
    Path dir;

    @Test
    void severalFormatsInOneRunEachToItsFileAndTextToStandardOutput() throws Exception {
        Path json = dir.resolve("out/report.json");
        Path xml = dir.resolve("out/report.xml");
        Path md = dir.resolve("out/checklist.md");

        CliRun run = CliRun.of("check", "--env", CheckCommandTest.EXAMPLE_ENV.toString(), "--probe", "env.*",
                "--output", json.toString(), "--output", xml.toString(), "--output", md.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("passed").contains("failed");
        try (InputStream schema = getClass().getResourceAsStream("/dev/preflight/report/report.schema.json")) {
            JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            assertThat(validator.validate(Files.readString(json), com.networknt.schema.InputFormat.JSON)).isEmpty();
        }
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertThat(junit.getElementsByTagName("testcase").getLength()).isGreaterThan(5);
        assertThat(junit.getElementsByTagName("failure").getLength()).isPositive();
        assertThat(Files.readString(md)).contains("- [x]").contains("- [ ]");
    }

    @Test
    void explicitFormatGoesToStandardOutputInsteadOfText() {
        CliRun run = CliRun.of("check", "--env", CheckCommandTest.EXAMPLE_ENV.toString(), "--probe", "env.debug",
                "--format", "json");

        assertThat(run.out()).startsWith("{").contains("\"schema\": 1");
    }

    @Test
    void onlyOneReportMayGoToStandardOutput() {
        CliRun run = CliRun.of("check", "--env", CheckCommandTest.EXAMPLE_ENV.toString(), "--format", "json,junit");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("standard output");
    }
}
