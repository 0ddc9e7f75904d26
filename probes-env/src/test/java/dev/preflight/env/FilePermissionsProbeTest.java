package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePermissionsProbeTest {
    @TempDir
    Path dir;

    private Result check(Path file) {
        return FileCheck.of(new FilePermissionsProbe(), file).result();
    }

    @Test
    void ownerOnlyFilePasses() {
        Result r = check(FileCheck.write(dir.resolve(".env.production"), "SECRET_KEY=abc\n", "rw-------"));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.details()).containsEntry("mode", "0600");
    }

    @Test
    void readOnlyForOwnerPasses() {
        assertThat(check(FileCheck.write(dir.resolve(".env"), "A=1\n", "r--------")).status()).isEqualTo(Status.PASS);
    }

    @Test
    void worldReadableFileWarnsWithTheModeAndTheFix() {
        Result r = check(FileCheck.write(dir.resolve(".env.production"), "SECRET_KEY=abc\n", "rw-r--r--"));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains("0644").contains("every user");
        assertThat(r.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("chmod 600"));
    }

    @Test
    void groupReadableFileWarns() {
        Result r = check(FileCheck.write(dir.resolve(".env.production"), "A=1\n", "rw-r-----"));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains("0640").contains("its group");
    }

    @Test
    void worldWritableFileFails() {
        Result r = check(FileCheck.write(dir.resolve(".env.production"), "A=1\n", "rw-rw-rw-"));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("0666").contains("change");
    }

    @Test
    void symlinkIsJudgedByTheFileItPointsTo() throws Exception {
        Path real = FileCheck.write(dir.resolve("shared/env"), "A=1\n", "rw-r--r--");
        Path link = Files.createSymbolicLink(dir.resolve(".env.production"), real);
        Result r = check(link);
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains("symlink").contains(real.toRealPath().toString());
        assertThat(r.details()).containsEntry("linksTo", real.toRealPath().toString());
    }

    @Test
    void symlinkLoopFailsWithoutAnException() throws Exception {
        Path a = dir.resolve(".env.production");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);
        Result r = check(a);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("loops");
    }

    @Test
    void directoryFails() throws Exception {
        Result r = check(Files.createDirectory(dir.resolve(".env.production")));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("not a regular file");
    }

    @Test
    void targetWithoutAFileIsSkipped() {
        Result r = EnvCheck.of(new FilePermissionsProbe()).with("A", "1").result();
        assertThat(r.status()).isEqualTo(Status.SKIP);
        assertThat(r.summary()).contains("source");
    }

    @Test
    void fileLoadedByTheRealLoaderIsFound() throws Exception {
        EnvFile env = EnvFile.write(dir, "SECRET_KEY=abc");
        Files.setPosixFilePermissions(dir.resolve(".env.production"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        assertThat(env.outcome("env.file-permissions").status()).isEqualTo(Status.WARN);
    }
}
